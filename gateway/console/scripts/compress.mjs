// Writes a .br and a .gz beside each text file of the build, so the gateway sends them as they
// are (Content-Encoding) without compressing on every request. Node's own zlib: no dependency.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const TEXT = /\.(js|css|html|svg|json|txt|map)$/
const root = process.argv[2] ?? 'dist'

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue // the build's records (.vite/manifest.json), not served
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* files(path)
    else yield path
  }
}

let count = 0
for (const path of files(root)) {
  if (!TEXT.test(path)) continue
  const data = readFileSync(path)
  if (data.length < 1024) continue // not worth a header
  writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }))
  writeFileSync(
    `${path}.br`,
    brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  )
  count += 1
}
console.log(`compressed ${count} files in ${root} (.br, .gz)`)
