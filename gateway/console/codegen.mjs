// GraphQL Code Generator: the console's operations (src/**/*.graphql) typed from the committed
// gateway schema into one file, src/gql/graphql.ts (committed). `npm run codegen` rewrites it;
// `npm run codegen:check` (in `make contracts-check`) fails when it differs from what the
// schema and the operations give, so a schema change that breaks the console fails CI.
/** @type {import('@graphql-codegen/cli').CodegenConfig} */
const config = {
  schema: '../schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        // Each operation as its string with its types: no GraphQL runtime in the bundle.
        documentMode: 'string',
        // Only the enums and inputs the operations use: a change elsewhere in the schema
        // leaves this file alone.
        onlyOperationTypes: true,
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        strictScalars: true,
        scalars: {
          Date: 'string',
          DateTime: 'string',
          BigInt: 'number | string',
          JSON: 'unknown',
          Upload: 'File',
        },
      },
    },
  },
}

export default config
