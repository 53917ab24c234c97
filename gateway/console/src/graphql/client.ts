// The GraphQL client: typed operations (src/gql, generated from schema.graphql) over HTTP, and
// a WebSocket (graphql-ws, graphql-transport-ws) for subscriptions. The token goes in the
// Authorization header, and in connection_init's payload on the socket.
import { createClient, type Client } from 'graphql-ws'

import { accessToken, renew, signIn } from '../auth'
import type { TypedDocumentString } from '../gql/graphql'
import { ApiError, type GraphQLErrorLike } from '../lib/errors'

const ENDPOINT = '/graphql'

interface Answer<T> {
  data?: T | null
  errors?: GraphQLErrorLike[]
}

/** A body for one operation: JSON, or (with files) the GraphQL multipart request. */
function bodyOf(query: string, variables: unknown, files: Record<string, File>): BodyInit {
  const names = Object.keys(files)
  if (!names.length) return JSON.stringify({ query, variables: variables ?? {} })
  // https://github.com/jaydenseric/graphql-multipart-request-spec: the operation with each
  // file's variable null, a map of part → variable, then the files.
  const nulls = Object.fromEntries(names.map((name) => [name, null]))
  const form = new FormData()
  form.append('operations', JSON.stringify({ query, variables: { ...(variables ?? {}), ...nulls } }))
  form.append('map', JSON.stringify(Object.fromEntries(names.map((name, i) => [String(i), [`variables.${name}`]]))))
  names.forEach((name, i) => form.append(String(i), files[name], files[name].name))
  return form
}

async function post<T, V>(
  document: TypedDocumentString<T, V>,
  variables: V | undefined,
  token: string,
  files: Record<string, File> = {},
): Promise<{ status: number; body: Answer<T> | null; retryAfter: number | null }> {
  let response: Response
  const multipart = Object.keys(files).length > 0
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: {
        // The browser sets the multipart boundary itself.
        ...(multipart ? {} : { 'Content-Type': 'application/json' }),
        Accept: 'application/graphql-response+json, application/json',
        Authorization: `Bearer ${token}`,
      },
      body: bodyOf(document.toString(), variables, files),
    })
  } catch {
    throw ApiError.network()
  }
  let body: Answer<T> | null = null
  try {
    body = (await response.json()) as Answer<T>
  } catch {
    body = null
  }
  const retryAfter = Number(response.headers.get('Retry-After')) || null
  return { status: response.status, body, retryAfter }
}

function unauthenticated(status: number, body: Answer<unknown> | null): boolean {
  return status === 401 || !!body?.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
}

/** Run an operation as the signed-in person; its data, or an ApiError with a sentence. */
export async function request<T, V>(
  document: TypedDocumentString<T, V>,
  ...[variables]: V extends Record<string, never> ? [] | [V] : [V]
): Promise<T> {
  return send(document, variables as V | undefined, {})
}

/** Run an operation with files (`Upload` variables, named by `files`' keys) as a multipart
 * request; the other variables as `request` takes them. */
export async function upload<T, V>(
  document: TypedDocumentString<T, V>,
  variables: Partial<V>,
  files: Record<string, File>,
): Promise<T> {
  return send(document, variables as V, files)
}

async function send<T, V>(
  document: TypedDocumentString<T, V>,
  variables: V | undefined,
  files: Record<string, File>,
): Promise<T> {
  let token = await accessToken()
  if (!token) {
    await signIn(currentPath())
    throw new ApiError([], 'UNAUTHENTICATED')
  }
  let answer = await post(document, variables, token, files)
  if (unauthenticated(answer.status, answer.body)) {
    // The token was refused (expired, or the session ended): renew once and try again.
    token = (await renew()) ? await accessToken() : null
    if (token) answer = await post(document, variables, token, files)
    if (!token || unauthenticated(answer.status, answer.body)) {
      await signIn(currentPath())
      throw new ApiError([], 'UNAUTHENTICATED')
    }
  }
  const { status, body, retryAfter } = answer
  if (body?.errors?.length) throw new ApiError(body.errors)
  if (status === 429) {
    throw new ApiError([{ extensions: { code: 'RATE_LIMITED', retryAfter: retryAfter ?? 0 } }])
  }
  if (status === 413) throw new ApiError([{ extensions: { code: 'VALIDATION_FAILED' } }])
  if (!body?.data) throw new ApiError([], status >= 500 ? 'INTERNAL' : 'NETWORK')
  return body.data
}

function currentPath(): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '')
  const path = window.location.pathname.startsWith(base)
    ? window.location.pathname.slice(base.length)
    : '/'
  return `${path || '/'}${window.location.search}`
}

/** A WebSocket client for subscriptions; each connection proves who it is with a fresh token. */
export function socket(): Client {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws'
  return createClient({
    url: `${scheme}://${window.location.host}${ENDPOINT}`,
    lazy: true,
    retryAttempts: Infinity,
    connectionParams: async () => {
      const token = await accessToken()
      return token ? { Authorization: `Bearer ${token}` } : {}
    },
  })
}
