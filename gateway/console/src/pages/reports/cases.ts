// The protection cases' pure logic (docs/cases.md): what each role may do with a case in its
// status, the inbox's order, the clocks as read, and the town's assessment form; vitest-tested.
import type { AssessmentInput, Department, ReportStatus, RiskLevel } from '../../gql/graphql'
import type { Role } from '../../lib/roles'

export type CaseActionName = 'accept' | 'respond' | 'closeAlert' | 'notify' | 'assess' | 'close'

/** The roles of each action (the registry's policy: CASE_POLICE_ROLES, ASSESS_ROLES, CLOSE_CASE_ROLES). */
const POLICE: readonly Role[] = ['police']
const ASSESSORS: readonly Role[] = ['town_social_worker', 'civil_affairs']
const CLOSERS: readonly Role[] = [...POLICE, ...ASSESSORS]

export interface CaseState {
  status: ReportStatus
  missingAlertOpen?: boolean | null
  view?: string
}

/** What the caller may do with the case now, in the order the page offers them. */
export function caseActions(report: CaseState, roles: readonly Role[]): CaseActionName[] {
  if (report.view && report.view !== 'DETAIL') return []
  const has = (only: readonly Role[]) => roles.some((r) => only.includes(r))
  const out: CaseActionName[] = []
  const s = report.status
  if (s === 'CLOSED') return out
  if (has(POLICE)) {
    if (s === 'REPORTED') out.push('accept')
    else out.push('respond')
    if (report.missingAlertOpen) out.push('closeAlert')
    if (s === 'ACCEPTED') out.push('notify')
  }
  if (has(ASSESSORS) && s === 'REFERRED_TO_TOWN') out.push('assess')
  if (has(CLOSERS) && s !== 'REPORTED' && !report.missingAlertOpen) out.push('close')
  return out
}

export const ACTION_NAMES: Record<CaseActionName, string> = {
  accept: '受理',
  respond: '记录出警处置',
  closeAlert: '结束失踪查找',
  notify: '通报镇街',
  assess: '录入评估',
  close: '结案',
}

export interface InboxRow {
  status: ReportStatus
  urgent?: boolean | null
  reportedAt: string
  clocks?: readonly { late: boolean; running: boolean }[] | null
}

/** Still waiting on someone: not assessed or closed. */
export function open(row: InboxRow): boolean {
  return row.status !== 'CLOSED' && row.status !== 'ASSESSED'
}

/** Any step late (ended past its limit, or running past it). */
export function late(row: InboxRow): boolean {
  return !!row.clocks?.some((c) => c.late)
}

/** The inbox's rows: newest first (the API's order), or the most urgent first: open urgent
 * ones, then open late ones, then the rest, each group newest first. */
export function inboxOrder<T extends InboxRow>(rows: readonly T[], order: 'newest' | 'urgent'): T[] {
  const byNew = [...rows].sort((a, b) => b.reportedAt.localeCompare(a.reportedAt))
  if (order === 'newest') return byNew
  const rank = (r: T) => (open(r) && r.urgent ? 0 : open(r) && late(r) ? 1 : open(r) ? 2 : 3)
  return byNew.sort((a, b) => rank(a) - rank(b))
}

export interface Clock {
  hours: number
  limitHours: number
  late: boolean
  running: boolean
}

export function hours(value: number): string {
  if (value < 1) return `${Math.round(value * 60)} 分钟`
  return `${Number(value.toFixed(1))} 小时`
}

/** A step's clock in words: 用时 1.5 小时 / 时限 2 小时（进行中，已超时）. */
export function clockText(c: Clock): string {
  const state = c.running ? (c.late ? '进行中，已超时' : '进行中') : c.late ? '已超时' : '按时'
  return `用时 ${hours(c.hours)} / 时限 ${hours(c.limitHours)}（${state}）`
}

// The town's assessment (评估): the domains the schema has, the first three required.
export const DOMAINS = [
  { key: 'safety', name: '人身安全', required: true },
  { key: 'guardianship', name: '监护状况', required: true },
  { key: 'health', name: '身心健康', required: true },
  { key: 'education', name: '教育就学', required: false },
  { key: 'psychology', name: '心理状况', required: false },
] as const
export type Domain = (typeof DOMAINS)[number]['key']

export interface NeedForm {
  department: Department | ''
  kind: string
  description: string
  dueDate: string
}

export interface AssessmentForm {
  risk: Record<Domain, RiskLevel | ''>
  note: Record<Domain, string>
  summary: string
  supervisorRequest: string
  needs: NeedForm[]
}

export function emptyAssessment(): AssessmentForm {
  const none = { safety: '', guardianship: '', health: '', education: '', psychology: '' } as const
  return { risk: { ...none }, note: { ...none }, summary: '', supervisorRequest: '', needs: [] }
}

export function emptyNeed(): NeedForm {
  return { department: '', kind: '', description: '', dueDate: '' }
}

const TEXT_MAX = 2000

/** The assessment's problems before sending, by the server's field names (`needs.0.kind`). */
export function checkAssessment(form: AssessmentForm, today: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const d of DOMAINS) {
    if (d.required && !form.risk[d.key]) out[d.key] = `请评定${d.name}风险等级`
    if (form.note[d.key].length > TEXT_MAX) out[`${d.key}Note`] = '不能超过2000个字'
  }
  if (!form.summary.trim()) out.summary = '请填写评估意见'
  else if (form.summary.length > TEXT_MAX) out.summary = '不能超过2000个字'
  if (form.supervisorRequest.length > TEXT_MAX) out.supervisorRequest = '不能超过2000个字'
  if (form.needs.length > 20) out.needs = '需求最多20项'
  form.needs.forEach((n, i) => {
    if (!n.department) out[`needs.${i}.department`] = '请选择责任部门'
    if (!n.kind.trim()) out[`needs.${i}.kind`] = '请填写措施类别'
    else if (n.kind.trim().length > 50) out[`needs.${i}.kind`] = '不能超过50个字'
    if (!n.description.trim()) out[`needs.${i}.description`] = '请填写措施内容'
    if (n.dueDate && n.dueDate < today) out[`needs.${i}.dueDate`] = '完成期限不能早于今天'
  })
  return out
}

export function toAssessmentInput(form: AssessmentForm): AssessmentInput {
  const note = (d: Domain) => form.note[d].trim() || null
  const input: AssessmentInput = {
    safety: form.risk.safety as RiskLevel,
    safetyNote: note('safety'),
    guardianship: form.risk.guardianship as RiskLevel,
    guardianshipNote: note('guardianship'),
    health: form.risk.health as RiskLevel,
    healthNote: note('health'),
    education: (form.risk.education || null) as RiskLevel | null,
    educationNote: note('education'),
    psychology: (form.risk.psychology || null) as RiskLevel | null,
    psychologyNote: note('psychology'),
    summary: form.summary.trim(),
    supervisorRequest: form.supervisorRequest.trim() || null,
  }
  if (form.needs.length) {
    input.needs = form.needs.map((n) => ({
      department: n.department as Department,
      kind: n.kind.trim(),
      description: n.description.trim(),
      dueDate: n.dueDate || null,
    }))
  }
  return input
}

/** The server's field path of an assessment (`input.needs.0.kind`) as the form's key. */
export function assessmentKey(path: string): string {
  return path.replace(/^input\./, '')
}

export interface RunningClock {
  step: string
  startedAt: string
  limitHours: number
  late: boolean
  running: boolean
}

/** The step now running and when it is due (its start plus its limit), or null. */
export function dueNow(clocks: readonly RunningClock[] | null | undefined): { step: string; dueAt: string; late: boolean } | null {
  const c = clocks?.find((k) => k.running && k.step !== 'FOUND_TO_REPORTED')
  if (!c) return null
  const dueAt = new Date(new Date(c.startedAt).getTime() + c.limitHours * 3600_000).toISOString()
  return { step: c.step, dueAt, late: c.late }
}
