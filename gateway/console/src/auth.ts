// Sign-in against the realm: authorization code + PKCE (oidc-client-ts), tokens renewed with the
// refresh token before they expire, sign-out through the realm's end-session endpoint.
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts'
import { reactive } from 'vue'

import type { ConsoleConfig } from './config'
import { clearAllDrafts } from './lib/draft'
import { primaryRole, readClaims, type Role } from './lib/roles'

export interface Session {
  signedIn: boolean
  username: string
  roles: Role[]
  role: Role | null
  divisionCode: string
  /** Bumped at each new access token (a renewal): the live subscription reconnects with it. */
  generation: number
}

export const session = reactive<Session>({
  signedIn: false,
  username: '',
  roles: [],
  role: null,
  divisionCode: '',
  generation: 0,
})

let manager: UserManager | null = null

function base(): string {
  return `${window.location.origin}${import.meta.env.BASE_URL}`
}

function take(user: User | null): void {
  const claims = user && !user.expired ? readClaims(user.access_token) : null
  session.signedIn = !!claims
  session.username = claims?.username ?? ''
  session.roles = claims?.roles ?? []
  session.role = primaryRole(session.roles)
  session.divisionCode = claims?.divisionCode ?? ''
  session.generation += 1
}

export async function initAuth(config: ConsoleConfig): Promise<void> {
  manager = new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${base()}callback`,
    post_logout_redirect_uri: base(),
    response_type: 'code',
    scope: 'openid profile',
    // Renewed with the refresh token a minute before the access token expires.
    automaticSilentRenew: true,
    // The tab's own storage: closing the tab signs this tab out, another tab signs in anew.
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    loadUserInfo: false,
    monitorSession: false,
  })
  manager.events.addUserLoaded(take)
  manager.events.addUserUnloaded(() => take(null))
  manager.events.addAccessTokenExpired(() => take(null))
  take(await manager.getUser())
}

function users(): UserManager {
  if (!manager) throw new Error('initAuth first')
  return manager
}

/** Off to the realm's login page; back at `returnTo` once signed in. */
export async function signIn(returnTo: string): Promise<void> {
  await users().signinRedirect({ state: { returnTo } })
}

/** The callback page's part: the code for tokens; where the person was going. */
export async function completeSignIn(): Promise<string> {
  const user = await users().signinRedirectCallback()
  take(user)
  const state = user.state as { returnTo?: string } | undefined
  return state?.returnTo && state.returnTo.startsWith('/') ? state.returnTo : '/'
}

/** Signed out at the realm too (its session ends); the realm sends the browser back here. */
export async function signOut(): Promise<void> {
  clearAllDrafts() // what was typed stays through an expired session, not past signing out
  await users().signoutRedirect()
}

/** A current access token, renewed first if it is about to expire; null if signed out. */
export async function accessToken(): Promise<string | null> {
  const m = users()
  let user = await m.getUser()
  if (!user) return null
  if (user.expired || (user.expires_in ?? 0) < 15) {
    try {
      user = await m.signinSilent()
    } catch {
      take(null)
      return null
    }
  }
  return user?.access_token ?? null
}

/** Renew now (after the gateway refused a token): whether a new one was got. */
export async function renew(): Promise<boolean> {
  try {
    return !!(await users().signinSilent())
  } catch {
    take(null)
    return false
  }
}
