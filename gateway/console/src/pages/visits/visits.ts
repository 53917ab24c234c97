// A visit (走访记录) as the registry checks it: the day not in the future nor before the birth,
// who was seen and what was found, the risk, and the next visit not before this one (by
// default one interval of the child's category later; without an interval it must be given).

/** The child a visit is recorded for. */
export interface VisitChild {
  id: string
  name: string
  birthDate?: string | null
  primaryCategory: string
  village?: string
}

export interface VisitForm {
  visitedOn: string
  seen: string
  findings: string
  riskLevel: string
  nextDue: string
}

export function emptyVisit(today: string): VisitForm {
  return { visitedOn: today, seen: '', findings: '', riskLevel: 'LOW', nextDue: '' }
}

export const SEEN_MAX = 500
export const FINDINGS_MAX = 4000

/** Adds whole days to a YYYY-MM-DD date (calendar days, no time zone). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** The next visit the registry sets when none is given; null without an interval. */
export function defaultNextDue(visitedOn: string, intervalDays: number | null | undefined): string | null {
  return visitedOn && intervalDays ? addDays(visitedOn, intervalDays) : null
}

export interface IntervalLike {
  primaryCategory: string
  intervalDays: number
}

export function intervalOf(policy: readonly IntervalLike[], category: string | null | undefined): number | null {
  return policy.find((p) => p.primaryCategory === category)?.intervalDays ?? null
}

/** Each field's error, by the name the server gives it; empty when the visit may be sent. */
export function checkVisit(
  form: VisitForm,
  today: string,
  birthDate: string | null | undefined,
  intervalDays: number | null,
): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!form.visitedOn) errors.visitedOn = '请填写走访日期'
  else if (form.visitedOn > today) errors.visitedOn = '走访日期不能晚于今天'
  else if (birthDate && form.visitedOn < birthDate) errors.visitedOn = '走访日期不能早于儿童出生日期'
  if (!form.seen.trim()) errors.seen = '走访对象不能为空'
  else if (form.seen.trim().length > SEEN_MAX) errors.seen = `走访对象不能超过${SEEN_MAX}个字`
  if (!form.findings.trim()) errors.findings = '走访情况不能为空'
  else if (form.findings.trim().length > FINDINGS_MAX) errors.findings = `走访情况不能超过${FINDINGS_MAX}个字`
  if (!form.riskLevel) errors.riskLevel = '请选择风险等级'
  if (form.nextDue) {
    if (form.visitedOn && form.nextDue < form.visitedOn) errors.nextDue = '下次走访日期不能早于走访日期'
  } else if (!intervalDays) {
    errors.nextDue = '未设定该类别儿童的走访周期，请填写下次走访日期'
  }
  return errors
}
