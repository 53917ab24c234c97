// Education's pure logic for the console: who may do what (policy.py's table, as the console
// offers it), the checks education makes on an enrolment, an exemption, a school and an aid
// standard (the server's own messages), semesters, and the days a risk has stood open.
import { formatYuan, yuanToFen } from '../../lib/format'
import type { Role } from '../../lib/roles'

/** Who records, transfers, suspends, resumes and ends enrolments of any child (ENROLMENT_ROLES). */
export const ENROLMENT_WRITERS: readonly Role[] = ['education']
/** Who reads a division's dropout risks (DROPOUT_READ_ROLES). */
export const RISK_READERS: readonly Role[] = [
  'education',
  'civil_affairs',
  'town_social_worker',
  'village_supervisor',
  'intake_clerk',
]
/** Who reads a child's enrolments and aid on the file (READ_ROLES). */
export const EDUCATION_READERS: readonly Role[] = RISK_READERS
/** Who records an exemption (免予入学) within their division (EXEMPT_ROLES). */
export const EXEMPTERS: readonly Role[] = ['education', 'town_social_worker']
/** Who maintains the schools and the aid (SCHOOL_ADMIN_ROLES, AID_ADMIN_ROLES): the district's. */
export const EDUCATION_ADMINS: readonly Role[] = ['education']
/** A school's staff: their own school's pupils (本校学生). */
export const SCHOOL_STAFF: readonly Role[] = ['school_staff']

/** The grades of each stage (stages.yaml; the service checks against the file it reads). */
export const GRADES: Record<string, number> = {
  PRESCHOOL: 3,
  PRIMARY: 6,
  JUNIOR_SECONDARY: 3,
  SENIOR_SECONDARY: 3,
  VOCATIONAL_SECONDARY: 3,
  SPECIAL_EDUCATION: 12,
  HOME_TEACHING: 12,
}

const DAY_MS = 86_400_000

function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number)
  return Date.UTC(y, m - 1, d) / DAY_MS
}

/** Whole days from one API Date to another (2026-11-01 → 2026-11-30: 29). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

/** Age in whole years on a day. */
export function ageOn(birth: string, day: string): number {
  const [by, bm, bd] = birth.split('-').map(Number)
  const [y, m, d] = day.split('-').map(Number)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

export interface SchoolLike {
  code: string
  name: string
  stages: readonly string[]
}

export interface EnrolmentForm {
  schoolCode: string
  stage: string
  grade: number | null
  since: string
  boarding: boolean
}

export function emptyEnrolment(): EnrolmentForm {
  return { schoolCode: '', stage: '', grade: null, since: '', boarding: false }
}

/**
 * An enrolment as recordEnrolment and transferEnrolment check it: the faults by the API's field
 * names, empty when it may be sent. `notBefore`: a transfer starts no earlier than the old one.
 */
export function checkEnrolment(
  form: EnrolmentForm,
  school: SchoolLike | undefined,
  birthDate: string,
  today: string,
  notBefore: string | null = null,
): Record<string, string> {
  const faults: Record<string, string> = {}
  if (!form.schoolCode || !school) faults.schoolCode = '请选择学校'
  if (!form.stage) faults.stage = '请选择学段'
  else if (school && !school.stages.includes(form.stage)) faults.stage = `${school.name}不设该学段`
  const grades = GRADES[form.stage] ?? 12
  if (form.grade == null || !Number.isInteger(form.grade) || form.grade < 1 || form.grade > grades) {
    faults.grade = `年级应为1至${grades}`
  }
  if (!form.since) faults.since = '请选择入学日期'
  else if (form.since > today) faults.since = '入学日期不能晚于今天'
  else if (form.since < birthDate) faults.since = '入学日期不能早于出生日期'
  else if (notBefore && form.since < notBefore) faults.since = '转入日期不能早于原学籍的入学日期'
  return faults
}

export type EnrolmentAction = 'record' | 'transfer' | 'suspend' | 'resume' | 'end'

/** What may be done with an enrolment in its status. */
export function enrolmentActions(status: string): ('transfer' | 'suspend' | 'resume' | 'end')[] {
  if (status === 'ACTIVE') return ['transfer', 'suspend', 'end']
  if (status === 'SUSPENDED') return ['transfer', 'resume', 'end']
  return []
}

/** The reasons an enrolment may be ended with here (a transfer is its own action). */
export const END_REASONS = ['GRADUATED', 'MOVED_OUT_OF_DISTRICT', 'DROPPED_OUT', 'DIED', 'OVER_AGE'] as const

export const NOTE_MAX = 500

/** An exemption (免予入学) as exemptDropoutRisk checks it. */
export function checkExemption(reason: string, note: string, until: string, today: string): Record<string, string> {
  const faults: Record<string, string> = {}
  if (!reason) faults.reason = '请选择免予入学原因'
  if (reason === 'OTHER' && !note.trim()) faults.note = '其他原因须填写说明'
  if (note.length > NOTE_MAX) faults.note = `说明不能超过${NOTE_MAX}字`
  if (until && until < today) faults.until = '免予入学截止日期不能早于今天'
  return faults
}

/** A school as createSchool and updateSchool check it. */
export function checkSchool(
  form: { code: string; name: string; stages: readonly string[]; townCode: string; kind: string },
  creating: boolean,
): Record<string, string> {
  const faults: Record<string, string> = {}
  if (creating) {
    if (!/^\d{10}$/.test(form.code)) faults.code = '学校标识码应为10位数字'
    else if (form.code.slice(1, 3) !== '11') faults.code = '学校标识码第2、3位应为北京市代码11'
  }
  const name = form.name.trim()
  if (name.length < 2 || name.length > 100) faults.name = '学校名称应为2至100个字符'
  if (!form.stages.length) faults.stages = '学段至少一项'
  if (!form.townCode) faults.townCode = '请选择所在镇街'
  if (!form.kind) faults.kind = '请选择办学类型'
  return faults
}

/** The highest annual standard (aid's MAX_ANNUAL_FEN): above is a typing slip. */
export const MAX_ANNUAL_FEN = 10_000_000

/** An aid standard typed in yuan: the fen, or the faults by field. */
export function checkAidStandard(amount: string): { fen: number | null; faults: Record<string, string> } {
  const fen = amount.trim() ? yuanToFen(amount) : null
  const faults: Record<string, string> = {}
  if (fen === null) faults.annualAmountFen = '请填写金额（元），如 2500 或 2500.50'
  else if (fen < 0 || fen > MAX_ANNUAL_FEN) faults.annualAmountFen = `年资助标准应在0至${formatYuan(MAX_ANNUAL_FEN)}之间`
  return { fen: Object.keys(faults).length ? null : fen, faults }
}

/** The first school year a ledger may be run for (the ledger's FIRST_YEAR). */
export const FIRST_AID_YEAR = 2017

/** The semester a day falls in: 秋季 from 09-01 (January and February are the last autumn's),
 * 春季 from 03-01 (aid-rules.yaml's starts). */
export function semesterOf(day: string): string {
  const year = Number(day.slice(0, 4))
  const month = Number(day.slice(5, 7))
  if (month >= 9) return `${year}-AUTUMN`
  if (month >= 3) return `${year}-SPRING`
  return `${year - 1}-AUTUMN`
}

/** "2026-AUTUMN" → 2026年秋季学期. */
export function semesterName(code: string): string {
  const m = /^(\d{4})-(SPRING|AUTUMN)$/.exec(code)
  if (!m) return code
  return `${m[1]}年${m[2] === 'AUTUMN' ? '秋季' : '春季'}学期`
}

/** The semesters a ledger may be run for, the current first, back `count` semesters. */
export function semesterChoices(today: string, count = 6): string[] {
  const out: string[] = []
  let code = semesterOf(today)
  while (out.length < count) {
    const [year, which] = code.split('-')
    if (Number(year) < FIRST_AID_YEAR) break
    out.push(code)
    code = which === 'AUTUMN' ? `${year}-SPRING` : `${Number(year) - 1}-AUTUMN`
  }
  return out
}

/** One absence report's most days (dropout's MAX_ABSENCE_DAYS). */
export const MAX_ABSENCE_DAYS = 60

/** An absence (缺课) as reportAbsence checks it: from a day, for consecutive school days. */
export function checkAbsence(from: string, days: number | null, today: string, since: string): Record<string, string> {
  const faults: Record<string, string> = {}
  if (!from) faults.from = '请选择缺课起始日期'
  else if (from > today) faults.from = '缺课起始日期不能晚于今天'
  else if (from < since) faults.from = '缺课起始日期不能早于入学日期'
  if (days == null || !Number.isInteger(days) || days < 1 || days > MAX_ABSENCE_DAYS) {
    faults.consecutiveDays = `连续缺课天数应为1至${MAX_ABSENCE_DAYS}之间的整数`
  }
  return faults
}
