// The window's pure logic (一门受理): the mobile number as the server checks it, the materials
// of the ticked needs, and the departments and deadlines they reach.

/** As the platform's `is_mobile`: 11 ASCII digits, 1 then 3-9, nothing else. */
export const MOBILE_MESSAGE = '手机号码应为11位中国大陆手机号'

export function isMobile(value: string): boolean {
  return /^1[3-9][0-9]{9}$/.test(value)
}

export interface GuideNeed {
  need: string
  name: string
  routes: ReadonlyArray<{ department: string; departmentName: string; workingDays: number; dueOn: string }>
  materials: readonly string[]
}

/** The documents the ticked needs ask for: each once, in the guide's order. */
export function materialsOf(guide: readonly GuideNeed[], ticked: readonly string[]): string[] {
  const chosen = new Set(ticked)
  const out: string[] = []
  for (const need of guide) {
    if (!chosen.has(need.need)) continue
    for (const m of need.materials) if (!out.includes(m)) out.push(m)
  }
  return out
}

export interface RouteRow {
  need: string
  needName: string
  department: string
  departmentName: string
  workingDays: number
  dueOn: string
}

/** One row per ticked need and department, in the guide's order. */
export function routesOf(guide: readonly GuideNeed[], ticked: readonly string[]): RouteRow[] {
  const chosen = new Set(ticked)
  return guide
    .filter((n) => chosen.has(n.need))
    .flatMap((n) =>
      n.routes.map((r) => ({
        need: n.need,
        needName: n.name,
        department: r.department,
        departmentName: r.departmentName,
        workingDays: r.workingDays,
        dueOn: r.dueOn,
      })),
    )
}

/** The received materials still asked for: a need unticked drops its own. */
export function keepReceived(received: readonly string[], asked: readonly string[]): string[] {
  return received.filter((m) => asked.includes(m))
}
