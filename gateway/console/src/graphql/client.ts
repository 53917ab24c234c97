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

async function post<T, V>(
  document: TypedDocumentString<T, V>,
  variables: V | undefined,
  token: string,
  file?: File,
): Promise<{ status: number; body: Answer<T> | null; retryAfter: number | null }> {
  const operation = { query: document.toString(), variables: variables ?? {} }
  const headers: Record<string, string> = {
    Accept: 'application/graphql-response+json, application/json',
    Authorization: `Bearer ${token}`,
  }
  let body: BodyInit
  if (file) {
    // The GraphQL multipart request: the operation with `variables.file` null, the file as part 0.
    const form = new FormData()
    form.append('operations', JSON.stringify({ ...operation, variables: { ...operation.variables, file: null } }))
    form.append('map', JSON.stringify({ 0: ['variables.file'] }))
    form.append('0', file, file.name)
    body = form
  } else {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(operation)
  }
  let response: Response
  try {
    response = await fetch(ENDPOINT, { method: 'POST', headers, body })
  } catch {
    throw ApiError.network()
  }
  let answer: Answer<T> | null = null
  try {
    answer = (await response.json()) as Answer<T>
  } catch {
    answer = null
  }
  const retryAfter = Number(response.headers.get('Retry-After')) || null
  return { status: response.status, body: answer, retryAfter }
}

function unauthenticated(status: number, body: Answer<unknown> | null): boolean {
  return status === 401 || !!body?.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
}

/** Run an operation as the signed-in person; its data, or an ApiError with a sentence. */
export async function request<T, V>(
  document: TypedDocumentString<T, V>,
  ...[variables]: V extends Record<string, never> ? [] | [V] : [V]
): Promise<T> {
  return send(document, variables as V | undefined)
}

/** Run an operation with a file (its `$file: Upload!`), as a GraphQL multipart request. */
export async function upload<T, V extends { file: File }>(document: TypedDocumentString<T, V>, variables: V): Promise<T> {
  return send(document, variables, variables.file)
}

async function send<T, V>(document: TypedDocumentString<T, V>, variables: V | undefined, file?: File): Promise<T> {
  let token = await accessToken()
  if (!token) {
    await signIn(currentPath())
    throw new ApiError([], 'UNAUTHENTICATED')
  }
  let answer = await post(document, variables, token, file)
  if (unauthenticated(answer.status, answer.body)) {
    // The token was refused (expired, or the session ended): renew once and try again.
    token = (await renew()) ? await accessToken() : null
    if (token) answer = await post(document, variables, token, file)
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
