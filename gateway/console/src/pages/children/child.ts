// A child's file: the search's filter, the edit form's checks (the registry's own rules), what
// an edit sends (only what changed), and what someone else changed when a version is stale.
import type {
  ChildFilter,
  ClassificationGroup,
  ClassificationSubtype,
  Gender,
  GuardianshipCapacity,
  Relation,
  UpdateChildInput,
} from '../../gql/graphql'
import { FIELD_LABELS } from '../../lib/errors'
import { formatDate } from '../../lib/format'
import { GENDER, label } from '../../lib/labels'

export const ADULT_AGE = 18

// ---- the search ------------------------------------------------------------------------------

export interface SearchForm {
  name: string
  idNumber: string
  town: string
  village: string
  primaryCategory: string
  group: string
  subtype: string
  status: string
  leftBehind: string
  minAge: string
  maxAge: string
}

export function emptySearch(): SearchForm {
  return {
    name: '',
    idNumber: '',
    town: '',
    village: '',
    primaryCategory: '',
    group: '',
    subtype: '',
    status: 'ACTIVE',
    leftBehind: '',
    minAge: '',
    maxAge: '',
  }
}

function age(text: string): number | null {
  const value = text.trim()
  return /^\d{1,2}$/.test(value) ? Number(value) : null
}

/** The search form as the API's ChildFilter: empty fields left out, the village over the town. */
export function toFilter(form: SearchForm): ChildFilter {
  const filter: ChildFilter = {}
  if (form.name.trim()) filter.name = form.name.trim()
  if (form.idNumber.trim()) filter.idNumber = form.idNumber.trim().toUpperCase()
  const division = form.village || form.town
  if (division) filter.divisionCode = division
  if (form.primaryCategory) filter.primaryCategory = form.primaryCategory as ChildFilter['primaryCategory']
  if (form.group) filter.group = form.group as ChildFilter['group']
  if (form.subtype) filter.subtype = form.subtype as ChildFilter['subtype']
  if (form.status) filter.status = form.status as ChildFilter['status']
  if (form.leftBehind) filter.leftBehind = form.leftBehind === 'yes'
  const min = age(form.minAge)
  const max = age(form.maxAge)
  if (min !== null) filter.minAge = min
  if (max !== null) filter.maxAge = max
  return filter
}

/** The search's own checks: ages are whole years, the lower not above the upper. */
export function checkSearch(form: SearchForm): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const key of ['minAge', 'maxAge'] as const) {
    const text = form[key].trim()
    if (text && (age(text) === null || Number(text) > ADULT_AGE)) errors[key] = '年龄应为0到18的整数'
  }
  const min = age(form.minAge)
  const max = age(form.maxAge)
  if (!errors.minAge && !errors.maxAge && min !== null && max !== null && min > max) {
    errors.maxAge = '最大年龄不能小于最小年龄'
  }
  return errors
}

// ---- identity numbers (the registry's checks, GB 11643) ------------------------------------

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_DIGITS = '10X98765432'

/** A masked number as the API answers it for roles that see no whole number (110109************). */
export function isMasked(number: string | null | undefined): boolean {
  return !!number && number.includes('*')
}

/** Why an identity number is not this child's, in the registry's words; null when it is. */
export function idNumberProblem(number: string, birthDate: string, gender: string): string | null {
  if (!/^\d{17}[\dX]$/.test(number)) return '身份证号码应为18位（前17位为数字，末位为数字或X）'
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(number[i]), 0)
  if (CHECK_DIGITS[sum % 11] !== number[17]) return '身份证号码格式或校验位不正确'
  const born = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`
  const day = new Date(`${born}T00:00:00Z`)
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== born) {
    return '身份证号码中的出生日期无效'
  }
  if (birthDate && born !== birthDate) return '身份证号码中的出生日期与出生日期不一致'
  if (gender && (Number(number[16]) % 2 === 1) !== (gender === 'MALE')) {
    return '身份证号码中的性别与性别不一致'
  }
  return null
}

// ---- the edit form -----------------------------------------------------------------------------

/** What the edit dialog holds: the basic facts of the file, as text. */
export interface EditForm {
  name: string
  gender: string
  birthDate: string
  idNumber: string
  /** The village (村、社区) the child lives in: moving it moves the file to that village's staff. */
  residenceDivisionCode: string
  hukouDivisionCode: string
  school: string
  notes: string
  reason: string
}

export const EDIT_FIELDS = [
  'name',
  'gender',
  'birthDate',
  'idNumber',
  'residenceDivisionCode',
  'hukouDivisionCode',
  'school',
  'notes',
] as const
export type EditField = (typeof EDIT_FIELDS)[number]

export interface ChildFactsLike {
  name: string
  gender?: string | null
  birthDate?: string | null
  idNumber?: string | null
  residenceDivision?: { code: string } | null
  hukouDivisionCode?: string | null
  school?: string | null
  notes?: string | null
}

/** The file's facts as the form shows them (a masked number is not offered for editing). */
export function editFormOf(child: ChildFactsLike): EditForm {
  return {
    name: child.name,
    gender: child.gender ?? '',
    birthDate: child.birthDate ?? '',
    idNumber: isMasked(child.idNumber) ? '' : (child.idNumber ?? ''),
    residenceDivisionCode: child.residenceDivision?.code ?? '',
    hukouDivisionCode: child.hukouDivisionCode ?? '',
    school: child.school ?? '',
    notes: child.notes ?? '',
    reason: '',
  }
}

function clean(field: EditField, value: string): string {
  const text = value.trim()
  return field === 'idNumber' ? text.toUpperCase() : text
}

/** The fields the person changed from `base`, as the API's input; nothing else is sent. */
export function changedInput(base: EditForm, form: EditForm, numberEditable = true): UpdateChildInput {
  const input: UpdateChildInput = {}
  for (const field of EDIT_FIELDS) {
    if (field === 'idNumber' && !numberEditable) continue
    const before = clean(field, base[field])
    const after = clean(field, form[field])
    if (before === after) continue
    if (field === 'gender') input.gender = after as Gender
    else if (field === 'name') input.name = after
    else if (field === 'birthDate') input.birthDate = after
    else input[field] = after === '' ? null : after
  }
  if (Object.keys(input).length && form.reason.trim()) input.reason = form.reason.trim()
  return input
}

/** The registry's rules for the basic facts, each error by its field (as the server names it). */
export function checkEdit(form: EditForm, today: string, numberEditable = true): Record<string, string> {
  const errors: Record<string, string> = {}
  const name = form.name.trim()
  if (!name) errors.name = '姓名不能为空'
  else if (name.length > 50) errors.name = '姓名不能超过50个字'
  if (!form.gender) errors.gender = '请选择性别'
  if (!form.birthDate) errors.birthDate = '请填写出生日期'
  else if (form.birthDate > today) errors.birthDate = '出生日期不能晚于今天'
  else if (ageOn(form.birthDate, today) >= ADULT_AGE) errors.birthDate = '已满18周岁，不属于保障范围'
  const number = form.idNumber.trim().toUpperCase()
  if (numberEditable && number) {
    const problem = idNumberProblem(number, form.birthDate, form.gender)
    if (problem) errors.idNumber = problem
  }
  if (!form.residenceDivisionCode) errors.residenceDivisionCode = '请选择现居住的村（社区）'
  if (form.school.trim().length > 100) errors.school = '学校不能超过100个字'
  if (form.notes.trim().length > 2000) errors.notes = '备注不能超过2000个字'
  return errors
}

/** Whole years from `birth` to `on` (both YYYY-MM-DD). */
export function ageOn(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number)
  const [y, m, d] = on.split('-').map(Number)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

// ---- a stale version: what someone else changed ----------------------------------------------

export interface HistoryLike {
  seq: number
  at: string
  actor: string
  operation: string
  reason?: string | null
  before?: unknown
  after?: unknown
}

export interface FactChange {
  field: EditField
  label: string
  from: string
  to: string
  /** The person typed something else for this field: theirs is kept, to be checked. */
  clashes: boolean
}

function shown(field: EditField, value: string): string {
  if (!value) return '（空）'
  if (field === 'gender') return label(GENDER, value)
  if (field === 'birthDate') return formatDate(value)
  return value
}

/** The basic facts that differ between the file the person began from and the latest one. */
export function factChanges(
  began: EditForm,
  latest: EditForm,
  typed: EditForm,
): FactChange[] {
  return EDIT_FIELDS.filter((f) => clean(f, began[f]) !== clean(f, latest[f])).map((field) => ({
    field,
    label: FIELD_LABELS[field] ?? field,
    from: shown(field, clean(field, began[field])),
    to: shown(field, clean(field, latest[field])),
    clashes:
      clean(field, typed[field]) !== clean(field, began[field]) &&
      clean(field, typed[field]) !== clean(field, latest[field]),
  }))
}

/** The changes to the file after `seq`, oldest first. */
export function historySince<T extends HistoryLike>(history: readonly T[] | null | undefined, seq: number): T[] {
  return (history ?? []).filter((entry) => entry.seq > seq).sort((a, b) => a.seq - b.seq)
}

export function lastSeq(history: readonly HistoryLike[] | null | undefined): number {
  return (history ?? []).reduce((max, entry) => Math.max(max, entry.seq), 0)
}


/**
 * The person's edits moved onto the latest file: a field they changed keeps what they typed,
 * a field they left alone takes the latest value (so re-applying never undoes another's change).
 */
export function rebase(began: EditForm, latest: EditForm, typed: EditForm): EditForm {
  const out: EditForm = { ...typed }
  for (const field of EDIT_FIELDS) {
    if (clean(field, typed[field]) === clean(field, began[field])) out[field] = latest[field]
  }
  return out
}

function plain(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return '（空）'
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return null
}

/** A change to the file as lines a person reads: 学校：大峪一小 → 大峪二小; the name of a
 * part for what is no single value (a list of classifications, of guardians). */
export function describeChange(entry: HistoryLike): string[] {
  const before = (entry.before && typeof entry.before === 'object' ? entry.before : {}) as Record<string, unknown>
  const after = (entry.after && typeof entry.after === 'object' ? entry.after : {}) as Record<string, unknown>
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return keys.map((key) => {
    const name = FIELD_LABELS[key] ?? key
    const from = plain(before[key])
    const to = plain(after[key])
    if (key === 'gender') return `${name}：${label(GENDER, String(before[key] ?? '')) || '（空）'} → ${label(GENDER, String(after[key] ?? '')) || '（空）'}`
    if (from !== null && to !== null && key in before) return `${name}：${from} → ${to}`
    if (to !== null && !(key in before)) return `${name}：${to}`
    return name
  })
}

// ---- classifications (the complete active set) ---------------------------------------------

/** Each subtype's group (the registry's taxonomy, policy 二). */
export const GROUP_OF: Record<string, string> = {
  MINIMUM_SUBSISTENCE_FAMILY: 'POVERTY',
  LOW_INCOME_FAMILY: 'POVERTY',
  ORPHAN: 'GUARDIANSHIP_LACK',
  ABANDONED_INFANT: 'GUARDIANSHIP_LACK',
  DE_FACTO_UNSUPPORTED: 'GUARDIANSHIP_LACK',
  STREET_CHILD: 'GUARDIANSHIP_LACK',
  DISABLED: 'ILLNESS_DISABILITY',
  SERIOUSLY_ILL: 'ILLNESS_DISABILITY',
  HIV_AFFECTED: 'ILLNESS_DISABILITY',
  TRAFFICKING_RESCUED: 'TEMPORARY',
  TEMPORARILY_WITHOUT_FAMILY_SUPPORT: 'TEMPORARY',
  BOTH_PARENTS_AWAY: 'LEFT_BEHIND',
  ONE_AWAY_OTHER_INCAPABLE: 'LEFT_BEHIND',
}

export interface ClassRow {
  subtype: string
  since: string
  until: string
  note: string
}

interface ClassificationLike {
  subtype: string
  since: string
  until?: string | null
  note?: string | null
}

/** The current set as the registry counts it (not ended by today), as rows of the form. */
export function activeRows(items: readonly ClassificationLike[] | null | undefined, today: string): ClassRow[] {
  return (items ?? [])
    .filter((c) => !c.until || c.until > today)
    .map((c) => ({ subtype: c.subtype, since: c.since, until: c.until ?? '', note: c.note ?? '' }))
}

/** The registry's checks of a set, each error by `classifications.<i>.<field>` as it names them. */
export function checkClassifications(
  rows: readonly ClassRow[],
  today: string,
  birthDate: string | null | undefined,
): Record<string, string> {
  const errors: Record<string, string> = {}
  const seen = new Set<string>()
  rows.forEach((row, i) => {
    const path = `classifications.${i}`
    if (!row.subtype) errors[`${path}.subtype`] = '请选择分类'
    else if (seen.has(row.subtype)) errors[`${path}.subtype`] = '同一分类细项不能重复'
    seen.add(row.subtype)
    if (!row.since) errors[`${path}.since`] = '请填写起始日期'
    else if (row.since > today) errors[`${path}.since`] = '起始日期不能晚于今天'
    else if (birthDate && row.since < birthDate) errors[`${path}.since`] = '起始日期不能早于儿童出生日期'
    if (row.until && row.since && row.until < row.since) errors[`${path}.until`] = '结束日期不能早于起始日期'
    if (row.note.trim().length > 1000) errors[`${path}.note`] = '说明不能超过1000个字'
  })
  return errors
}

export function classificationInput(rows: readonly ClassRow[]) {
  return rows.map((row) => ({
    group: GROUP_OF[row.subtype] as ClassificationGroup,
    subtype: row.subtype as ClassificationSubtype,
    since: row.since,
    until: row.until || null,
    note: row.note.trim() || null,
  }))
}

// ---- the household (setGuardians: the whole household at once) -------------------------------

export const MAX_HOUSEHOLD = 20

export interface GuardianRow {
  name: string
  relation: string
  isGuardian: boolean
  capacity: string
  workingAway: boolean
  awayLocation: string
  awaySince: string
  phone: string
  entrusted: boolean
  entrustedSince: string
  entrustmentAgreedOn: string
}

interface GuardianLike {
  name: string
  relation: string
  isGuardian: boolean
  capacity: string
  workingAway: boolean
  awayLocation?: string | null
  awaySince?: string | null
  phone?: string | null
  entrusted: boolean
  entrustedSince?: string | null
  entrustmentAgreedOn?: string | null
}

export function emptyGuardian(): GuardianRow {
  return {
    name: '',
    relation: '',
    isGuardian: false,
    capacity: 'FULL',
    workingAway: false,
    awayLocation: '',
    awaySince: '',
    phone: '',
    entrusted: false,
    entrustedSince: '',
    entrustmentAgreedOn: '',
  }
}

export function guardianRows(guardians: readonly GuardianLike[] | null | undefined): GuardianRow[] {
  return (guardians ?? []).map((g) => ({
    name: g.name,
    relation: g.relation,
    isGuardian: g.isGuardian,
    capacity: g.capacity,
    workingAway: g.workingAway,
    awayLocation: g.awayLocation ?? '',
    awaySince: g.awaySince ?? '',
    phone: g.phone ?? '',
    entrusted: g.entrusted,
    entrustedSince: g.entrustedSince ?? '',
    entrustmentAgreedOn: g.entrustmentAgreedOn ?? '',
  }))
}

/** The registry's checks of a household, by its field paths (`guardians.<i>.<field>`). */
export function checkGuardians(rows: readonly GuardianRow[], today: string): Record<string, string> {
  const errors: Record<string, string> = {}
  if (rows.length > MAX_HOUSEHOLD) errors.guardians = `家庭成员最多登记${MAX_HOUSEHOLD}人`
  if (rows.filter((r) => r.entrusted).length > 1) errors.guardians = '委托监护人只能有一位'
  rows.forEach((row, i) => {
    const path = `guardians.${i}`
    if (!row.name.trim()) errors[`${path}.name`] = '姓名不能为空'
    else if (row.name.trim().length > 50) errors[`${path}.name`] = '姓名不能超过50个字'
    if (!row.relation) errors[`${path}.relation`] = '请选择与儿童的关系'
    if (row.workingAway && row.awaySince && row.awaySince > today) {
      errors[`${path}.awaySince`] = '外出务工时间不能晚于今天'
    }
    if (row.phone.trim().length > 20) errors[`${path}.phone`] = '电话不能超过20个字符'
    if (row.entrusted) {
      if (!row.isGuardian) errors[`${path}.isGuardian`] = '委托监护人须为监护人'
      if (row.capacity === 'NONE') errors[`${path}.capacity`] = '委托监护人须有监护能力'
      if (!row.entrustedSince) errors[`${path}.entrustedSince`] = '请填写委托起始日期'
      else if (row.entrustedSince > today) errors[`${path}.entrustedSince`] = '委托起始日期不能晚于今天'
    }
  })
  return errors
}

export function guardiansInput(rows: readonly GuardianRow[]) {
  return rows.map((row) => ({
    name: row.name.trim(),
    relation: row.relation as Relation,
    isGuardian: row.isGuardian,
    capacity: row.capacity as GuardianshipCapacity,
    workingAway: row.workingAway,
    awayLocation: row.workingAway ? row.awayLocation.trim() || null : null,
    awaySince: row.workingAway ? row.awaySince || null : null,
    phone: row.phone.trim() || null,
    entrustedSince: row.entrusted ? row.entrustedSince || null : null,
    entrustmentAgreedOn: row.entrusted ? row.entrustmentAgreedOn || null : null,
  }))
}
