// The later education pages' pure logic: a roster's file and report read as a sentence, a
// placement, a home teaching plan and a session as education checks them (home-teaching.yaml's
// bounds, the server's own messages), a plan's month against its schedule, the non-Beijing
// documents ticked, and the statistics' rows side by side.
import type { Role } from '../../lib/roles'

/** Who decides placements and plans home teaching (PLACEMENT_ROLES, HOME_TEACHING_PLAN_ROLES). */
export const PLACERS: readonly Role[] = ['education']
/** Who logs a session for any child (HOME_TEACHING_SESSION_ROLES); the sending school's staff
 * log their own school's from 本校学生. */
export const SESSION_WRITERS: readonly Role[] = ['education']
/** Who lists a division's home teaching plans (HOME_TEACHING_LIST_ROLES). */
export const HOME_TEACHING_READERS: readonly Role[] = ['education', 'town_social_worker']
/** Who records the non-Beijing documents of any child (DOCUMENT_ROLES); school staff their
 * enrolled pupils' from 本校学生. */
export const DOCUMENT_WRITERS: readonly Role[] = ['education']
/** Who reads the education statistics (STATISTICS_ROLES: the readers and the auditor). */
export const STATISTICS_READERS: readonly Role[] = [
  'education',
  'civil_affairs',
  'town_social_worker',
  'village_supervisor',
  'intake_clerk',
  'auditor',
]

// ---- rosters ------------------------------------------------------------------------------

export const ROSTER_TEMPLATE_XLSX = '/rosters/template.xlsx'
export const ROSTER_TEMPLATE_CSV = '/rosters/template.csv'
/** The gateway's limit on a multipart body (20 MiB) and education's rows (100,000). */
export const ROSTER_MAX_BYTES = 20 * 1024 * 1024
export const ROSTER_ACCEPT = '.xlsx,.csv'

/** Why a chosen file cannot be a roster; null when it may be sent. */
export function rosterFileProblem(file: { name: string; size: number } | null): string | null {
  if (!file) return '请选择花名册文件'
  if (!/\.(xlsx|csv)$/i.test(file.name)) return '请上传 XLSX 或 CSV 格式的花名册（可先下载模板填写）'
  if (file.size === 0) return '文件是空的，请检查后重新选择'
  if (file.size > ROSTER_MAX_BYTES) return '文件超过20MB，请分成几个文件导入'
  return null
}

export interface RosterLike {
  importId?: string | null
  mode: string
  totalRows: number
  enrolledRows: number
  transferredRows: number
  unchangedRows: number
  unmatchedRows: number
  rejectedRows: number
  errorCount: number
  errors: readonly { row: number; column: string; message: string }[]
  duplicateOfEarlierImport: boolean
}

/** The roster's outcome in one sentence, first thing the school reads. */
export function rosterOutcome(report: RosterLike): { type: 'success' | 'warning' | 'error'; text: string } {
  const bad = report.unmatchedRows + report.rejectedRows
  if (report.duplicateOfEarlierImport) {
    return { type: 'warning', text: '该花名册此前已为本校导入过，本次未写入任何数据。下方为当时的导入结果。' }
  }
  if (!report.importId && bad > 0) {
    return {
      type: 'error',
      text: `共 ${bad} 行未匹配或有误，按“全部正确才导入”的方式，整份花名册未导入。请按下表修改后重新上传，或选择“导入正确的行”。`,
    }
  }
  const done = `新登记学籍 ${report.enrolledRows} 人，转入 ${report.transferredRows} 人，已在本校（未变）${report.unchangedRows} 人`
  if (bad > 0) {
    return { type: 'warning', text: `已导入：${done}；${bad} 行未匹配或有误未导入，见下表。` }
  }
  return { type: 'success', text: `导入完成：共 ${report.totalRows} 行，${done}。` }
}

/** The errors beyond those listed (the API lists the first 1000). */
export function rosterUnlisted(report: RosterLike): number {
  return Math.max(0, report.errorCount - report.errors.length)
}

// ---- placement and home teaching ----------------------------------------------------------

/** home-teaching.yaml's bounds (the service checks against the file it reads). */
export const SESSIONS_PER_MONTH = { default: 4, min: 2, max: 12 }
export const MIN_HOURS = { default: 2, min: 1, max: 4 }
export const MAX_HOURS_PER_DAY = 6
export const TEXT_MAX = 1000

export interface PlacementForm {
  kind: string
  schoolCode: string
  on: string
  by: string
  summary: string
  since: string
}

export function emptyPlacement(today: string): PlacementForm {
  return { kind: '', schoolCode: '', on: today, by: '区残疾儿童入学评估委员会', summary: '', since: today }
}

/** A placement as decidePlacement checks it: faults by the API's field names. */
export function checkPlacement(
  form: PlacementForm,
  school: { kind: string; name: string } | undefined,
  birthDate: string,
  today: string,
  currentSince: string | null,
): Record<string, string> {
  const faults: Record<string, string> = {}
  if (!form.kind) faults.kind = '请选择安置方式'
  if (!form.schoolCode || !school) faults.schoolCode = '请选择学校'
  else if (form.kind === 'SPECIAL_SCHOOL' && school.kind !== 'SPECIAL_EDUCATION') {
    faults.schoolCode = `${school.name}不是特殊教育学校`
  }
  if (!form.since) faults.since = '请选择安置日期'
  else if (form.since > today) faults.since = '安置日期不能晚于今天'
  else if (birthDate && form.since < birthDate) faults.since = '安置日期不能早于出生日期'
  else if (currentSince && form.since < currentSince) faults.since = `安置日期不能早于现行安置的开始日期${currentSince}`
  if (!form.on) faults['assessment.on'] = '请选择评估日期'
  else if (form.since && form.on > form.since) faults['assessment.on'] = '评估日期不能晚于安置日期'
  else if (birthDate && form.on < birthDate) faults['assessment.on'] = '评估日期不能早于出生日期'
  const by = form.by.trim()
  if (by.length < 2 || by.length > 100) faults['assessment.by'] = '评估机构应为2至100个字符'
  const summary = form.summary.trim()
  if (!summary) faults['assessment.summary'] = '请填写评估意见'
  else if (summary.length > TEXT_MAX) faults['assessment.summary'] = `评估意见不能超过${TEXT_MAX}字`
  return faults
}

export interface PlanForm {
  teacherName: string
  teacherUsername: string
  schoolCode: string
  sessionsPerMonth: number | null
  minHours: number | null
  since: string
}

/** A home teaching plan as planHomeTeaching checks it. */
export function checkPlan(form: PlanForm, today: string, placementSince: string): Record<string, string> {
  const faults: Record<string, string> = {}
  const name = form.teacherName.trim()
  if (!name || name.length > 50) faults.teacherName = '送教教师姓名应为1至50个字符'
  if (form.teacherUsername.trim().length > 100) faults.teacherUsername = '教师账号应为1至100个字符'
  const spm = form.sessionsPerMonth
  if (spm == null || !Number.isInteger(spm) || spm < SESSIONS_PER_MONTH.min || spm > SESSIONS_PER_MONTH.max) {
    faults.sessionsPerMonth = `每月送教次数应为${SESSIONS_PER_MONTH.min}至${SESSIONS_PER_MONTH.max}次`
  }
  const h = form.minHours
  if (h == null || h < MIN_HOURS.min || h > MIN_HOURS.max) {
    faults.minHours = `每次送教时长应为${MIN_HOURS.min}至${MIN_HOURS.max}小时`
  }
  if (!form.since) faults.since = '请选择送教开始日期'
  else if (form.since > today) faults.since = '送教开始日期不能晚于今天'
  else if (form.since < placementSince) faults.since = '送教开始日期不能早于送教上门安置日期'
  return faults
}

/** A session as recordHomeTeachingSession checks it. */
export function checkSession(
  form: { on: string; hours: number | null; content: string },
  today: string,
  planSince: string,
  daysLogged: readonly string[],
): Record<string, string> {
  const faults: Record<string, string> = {}
  if (!form.on) faults.on = '请选择送教日期'
  else if (form.on > today) faults.on = '送教日期不能晚于今天'
  else if (form.on < planSince) faults.on = `送教日期不能早于送教计划开始日期${planSince}`
  else if (daysLogged.includes(form.on)) faults.on = '该日已记录送教，请勿重复记录'
  if (form.hours == null || !(form.hours > 0) || form.hours > MAX_HOURS_PER_DAY) {
    faults.hours = `送教时长应大于0且不超过${MAX_HOURS_PER_DAY}小时`
  }
  const content = form.content.trim()
  if (!content) faults.content = '请填写送教内容'
  else if (content.length > TEXT_MAX) faults.content = `送教内容不能超过${TEXT_MAX}字`
  return faults
}

/** This month's sessions against the plan: "2/4次", and whether the month still falls short. */
export function monthProgress(plan: { heldThisMonth: number; sessionsPerMonth: number }): {
  text: string
  short: boolean
} {
  return {
    text: `${plan.heldThisMonth}/${plan.sessionsPerMonth}次`,
    short: plan.heldThisMonth < plan.sessionsPerMonth,
  }
}

/** The month before a day's ("2026-12-01" → "2026-11"): the last one the monthly check judged. */
export function previousMonth(day: string): string {
  const y = Number(day.slice(0, 4))
  const m = Number(day.slice(5, 7))
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** "2026-11" → 2026年11月. */
export function monthName(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  return m ? `${m[1]}年${Number(m[2])}月` : month
}

// ---- non-Beijing documents ----------------------------------------------------------------

export interface DocumentLike {
  code: string
  required: boolean
  provided: boolean
}

/** The codes ticked when the dialog opens: those provided at the last check. */
export function providedCodes(docs: readonly DocumentLike[]): string[] {
  return docs.filter((d) => d.provided).map((d) => d.code)
}

/** The required documents still missing once `ticked` are provided. */
export function missingDocuments<T extends DocumentLike>(docs: readonly T[], ticked: readonly string[]): T[] {
  return docs.filter((d) => d.required && !ticked.includes(d.code))
}

// ---- statistics ---------------------------------------------------------------------------

export interface FiguresLike {
  children: number
  compulsoryAge: number
  compulsoryAgeEnrolled: number
  enrolled: number
  openDropoutRisks: number
  homeTeaching: number
  byStage: readonly { stage: string; enrolled: number }[]
}

/** The share enrolled of the compulsory-age children, "98.5%", or "—" with none. */
export function enrolmentRate(f: FiguresLike): string {
  if (!f.compulsoryAge) return '—'
  return `${((f.compulsoryAgeEnrolled * 100) / f.compulsoryAge).toFixed(1)}%`
}

export const FIGURE_ROWS: readonly { key: keyof Omit<FiguresLike, 'byStage'>; name: string }[] = [
  { key: 'children', name: '儿童数' },
  { key: 'compulsoryAge', name: '义务教育适龄（6至15周岁）' },
  { key: 'compulsoryAgeEnrolled', name: '其中在籍' },
  { key: 'enrolled', name: '在籍（各学段）' },
  { key: 'openDropoutRisks', name: '辍学风险（未办结）' },
  { key: 'homeTeaching', name: '送教上门' },
]

/** The figures of all children and the non-Beijing side by side, one row a measure, then one a
 * stage (every stage the API lists), then the enrolment rate. */
export function sideBySide(
  all: FiguresLike,
  nonBeijing: FiguresLike,
  stageName: (stage: string) => string,
): { name: string; all: string; nonBeijing: string }[] {
  const rows = FIGURE_ROWS.map((r) => ({ name: r.name, all: String(all[r.key]), nonBeijing: String(nonBeijing[r.key]) }))
  for (const s of all.byStage) {
    const other = nonBeijing.byStage.find((o) => o.stage === s.stage)?.enrolled ?? 0
    rows.push({ name: `在籍：${stageName(s.stage)}`, all: String(s.enrolled), nonBeijing: String(other) })
  }
  rows.push({ name: '适龄儿童在籍率', all: enrolmentRate(all), nonBeijing: enrolmentRate(nonBeijing) })
  return rows
}
