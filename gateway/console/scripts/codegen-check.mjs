// Fails when src/gql/ is not what GraphQL Code Generator makes of ../schema.graphql and the
// operations: the committed types are a contract, as the schema is (`make contracts`).
import { generate } from '@graphql-codegen/cli'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import config from '../codegen.mjs'

const outputs = await generate({ ...config, silent: true }, false)
const stale = []
const expected = new Set()
for (const { filename, content } of outputs) {
  const path = resolve(filename)
  expected.add(path)
  if (!existsSync(path) || readFileSync(path, 'utf8') !== content) stale.push(path)
}
for (const name of existsSync('src/gql') ? readdirSync('src/gql') : []) {
  const path = resolve('src/gql', name)
  if (!expected.has(path)) stale.push(path)
}
if (stale.length) {
  console.log('the console\'s typed operations differ from the schema (run `make contracts`):')
  for (const path of stale) console.log(`  gateway/console/${relative(process.cwd(), path)}`)
  process.exit(1)
}
