// What the gateway tells the app at /console/config.json (from its settings).
export interface ConsoleConfig {
  /** The realm as the browser reaches it (Keycloak's, or the embedded provider's). */
  authority: string
  clientId: string
  graphqlPath: string
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const answer = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-cache' })
  if (!answer.ok) throw new Error(`config.json: HTTP ${answer.status}`)
  return (await answer.json()) as ConsoleConfig
}
