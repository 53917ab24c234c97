// The volunteers pages' pure logic: who may do what (the volunteers service's policy.py), the
// checks of a registration, a vetting, hours, an activity and a pairing visit as the service
// makes them (its Chinese messages), the roster's file and report, and a star level in words.
import { idNumberProblem } from '../children/child'
import { MOBILE_MESSAGE, isMobile } from '../intake/window'
import { todayInDistrict } from '../../lib/format'
import { FEDERATION_ROLES as FEDERATIONS, actsFor, type Role } from '../../lib/roles'
/** Who reads pairings (PAIRING_READ_ROLES): the federations, civil affairs, the town's worker. */
export const PAIRING_READERS: readonly Role[] = [...FEDERATIONS, 'civil_affairs', 'town_social_worker']
/** Who logs a pairing's visit (PAIRING_VISIT_ROLES). */
export const PAIRING_VISITORS: readonly Role[] = [...FEDERATIONS, 'town_social_worker']

/** The federations act at the district only (`require_district`, `writes_for`). */
export function actsAtDistrict(roles: readonly Role[], divisionCode: string): boolean {
  return roles.some((r) => FEDERATIONS.includes(r)) && divisionCode.length === 6
}

/** The blank roster the gateway serves (the volunteers service's, XLSX only). */
export const VOLUNTEER_ROSTER_TEMPLATE = '/volunteers/roster/template.xlsx'

// ---- registration ---------------------------------------------------------------------------

export interface VolunteerForm {
  name: string
  idNumber: string
  phone: string
  skills: string[]
  divisionCode: string
  organisationId: string
  availability: string[]
  serviceArea: string[]
}

export function emptyVolunteer(): VolunteerForm {
  return { name: '', idNumber: '', phone: '', skills: [], divisionCode: '', organisationId: '', availability: [], serviceArea: [] }
}

/** The registration's problems by field, as the service words them; empty when it may be sent. */
export function checkVolunteer(form: VolunteerForm): Record<string, string> {
  const faults: Record<string, string> = {}
  if (!form.name.trim()) faults.name = '请填写姓名'
  else if (form.name.trim().length > 50) faults.name = '姓名不超过50个字'
  const number = form.idNumber.trim().toUpperCase()
  if (!number) faults.idNumber = '请填写身份证号'
  else {
    const problem = idNumberProblem(number, '', '')
    if (problem) faults.idNumber = problem
  }
  if (!isMobile(form.phone.trim())) faults.phone = MOBILE_MESSAGE
  if (!form.skills.length) faults.skills = '请至少选择一项技能'
  if (!form.divisionCode) faults.divisionCode = '请选择居住地'
  return faults
}

/** What `registerVolunteer` is sent: empty choices left out, so the service's defaults apply
 * (the gateway passes an explicit null on, which the service refuses: "应为数组"). */
export function volunteerInput(form: VolunteerForm) {
  return {
    name: form.name.trim(),
    idNumber: form.idNumber.trim().toUpperCase(),
    phone: form.phone.trim(),
    skills: form.skills,
    divisionCode: form.divisionCode,
    organisationId: form.organisationId || undefined,
    availability: form.availability.length ? form.availability : undefined,
    serviceArea: form.serviceArea.length ? form.serviceArea : undefined,
  }
}

// ---- vetting, hours, visits -------------------------------------------------------------------

/** A check's day: not in the future. */
export function checkDay(day: string, today: string, what = '日期'): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return `请选择${what}`
  if (day > today) return `${what}不能晚于今天`
  return null
}

/** A date picker's day after today in the district (not to be chosen for what has happened). */
export function afterToday(day: Date): boolean {
  return todayInDistrict(day) > todayInDistrict()
}

/** Hours of one record: above 0, at most 24 (the service also counts the day's others). */
export function hoursProblem(hours: number | null | undefined): string | null {
  if (hours == null || !Number.isFinite(hours)) return '请填写时长'
  if (hours <= 0) return '时长应大于0小时'
  if (hours > 24) return '一天的时长不能超过24小时'
  return null
}

/** A pairing visit: a day not in the future nor before the pairing began, 1-1440 minutes. */
export function checkPairingVisit(
  visit: { visitedOn: string; minutes: number | null },
  startedOn: string,
  today: string,
): Record<string, string> {
  const faults: Record<string, string> = {}
  const day = checkDay(visit.visitedOn, today, '探访日期')
  if (day) faults.visitedOn = day
  else if (visit.visitedOn < startedOn) faults.visitedOn = '探访日期不能早于结对开始日期'
  if (visit.minutes == null || !Number.isInteger(visit.minutes) || visit.minutes < 1 || visit.minutes > 1440) {
    faults.minutes = '时长应为1至1440分钟'
  }
  return faults
}

/** A reason (停用, 结束结对): 1 to 200 characters. */
export function reasonProblem(reason: string): string | null {
  const text = reason.trim()
  if (!text) return '请填写原因'
  if (text.length > 200) return '原因不超过200个字'
  return null
}

// ---- activities -------------------------------------------------------------------------------

export interface ActivityForm {
  kind: string
  title: string
  divisionCode: string
  on: string
  capacity: number | null
  volunteerCapacity: number | null
  organisationId: string
}

export function checkActivity(form: ActivityForm): Record<string, string> {
  const faults: Record<string, string> = {}
  if (!form.kind) faults.kind = '请选择活动类型'
  if (!form.title.trim()) faults.title = '请填写活动名称'
  if (!form.divisionCode) faults.divisionCode = '请选择举办地区'
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.on)) faults.on = '请选择活动日期'
  if (form.capacity == null || !Number.isInteger(form.capacity) || form.capacity < 0) faults.capacity = '儿童名额应为不小于0的整数'
  if (form.volunteerCapacity != null && (!Number.isInteger(form.volunteerCapacity) || form.volunteerCapacity < 1)) {
    faults.volunteerCapacity = '志愿者名额应为正整数，不限请留空'
  }
  return faults
}

/** Attendance is taken on or after the activity's day. */
export function attendanceOpen(on: string, today: string): boolean {
  return on <= today
}

/** The period of the activities list: the dates as given, or the last 90 days to a year ahead. */
export function defaultPeriod(today: string): { since: string; until: string } {
  const day = new Date(`${today}T00:00:00Z`)
  const since = new Date(day.getTime() - 90 * 86_400_000).toISOString().slice(0, 10)
  const until = new Date(day.getTime() + 365 * 86_400_000).toISOString().slice(0, 10)
  return { since, until }
}

// ---- the roster ---------------------------------------------------------------------------------

export interface VolunteerRosterLike {
  imported: boolean
  totalRows: number
  registeredRows: number
  rejectedRows: number
  errorCount: number
  errors: readonly unknown[]
}

/** The roster's outcome in one sentence. */
export function volunteerRosterOutcome(report: VolunteerRosterLike): { type: 'success' | 'warning' | 'error'; text: string } {
  if (!report.imported) {
    return {
      type: 'error',
      text: `共 ${report.rejectedRows} 行有误，按“全部正确才导入”的方式，整份名册未导入。请按下表修改后重新上传，或选择“导入正确的行”。`,
    }
  }
  if (report.rejectedRows > 0) {
    return { type: 'warning', text: `已登记 ${report.registeredRows} 名志愿者；${report.rejectedRows} 行有误未导入，见下表。` }
  }
  return { type: 'success', text: `导入完成：共 ${report.totalRows} 行，已登记 ${report.registeredRows} 名志愿者。` }
}

/** A star level (星级) in words. */
export function starText(level: number): string {
  return level > 0 ? `${'★'.repeat(level)}（${level}星）` : '未达星级'
}

/** Hours as the certificate shows them: at most one decimal. */
export function formatHours(hours: number): string {
  return `${Math.round(hours * 10) / 10} 小时`
}

/** The organisations the caller registers into and holds activities for: the Youth League every
 * one (the registrar), another federation those its role acts for (`writes_for`). */
export function writableOrganisations<T extends { actingRole: string }>(organisations: readonly T[], roles: readonly Role[]): T[] {
  if (roles.includes('youth_league')) return [...organisations]
  return organisations.filter((o) => actsFor(roles, o.actingRole))
}
