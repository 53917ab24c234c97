// The mandatory-report form's state and its checks before sending, as the registry checks them
// (services/registry/.../cases: schemas.py and service.file_report); pure, tested in vitest.
import type { ReportInput, ReportKind } from '../../gql/graphql'

/** Attachments as the registry takes them (docs/cases.md): JPEG, PNG or PDF, each at most 5 MB,
 * at most 5 a report (SHOUHU_CASE_ATTACHMENT_MAX_BYTES, SHOUHU_CASE_ATTACHMENTS_PER_REPORT). */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
export const ATTACHMENTS_PER_REPORT = 5
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf']
/** The file picker's `accept`. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.join(',')

/** A caller's number: a mainland mobile, or a landline with its area code (the registry's PHONE). */
export const PHONE = /^(1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-?[1-9][0-9]{6,7})$/
export const PHONE_MESSAGE = '电话应为11位手机号，或带区号的固定电话（如010-69841234）'

export interface ReportForm {
  /** A known child's file (staff who read files), or '' for a described child. */
  childId: string
  childLabel: string
  childName: string
  childAge: number | null
  townCode: string
  villageCode: string
  kind: ReportKind | ''
  occurredOn: string
  /** When it was found, `YYYY-MM-DD HH:mm` in the district's time; '' is now. */
  foundAt: string
  urgent: boolean
  description: string
  institution: string
  callerName: string
  callerPhone: string
}

export function emptyForm(): ReportForm {
  return {
    childId: '',
    childLabel: '',
    childName: '',
    childAge: null,
    townCode: '',
    villageCode: '',
    kind: '',
    occurredOn: '',
    foundAt: '',
    urgent: false,
    description: '',
    institution: '',
    callerName: '',
    callerPhone: '',
  }
}

export interface Who {
  /** A mandated reporter (强制报告责任单位) names its institution. */
  mandated: boolean
  /** A window clerk files for a hotline caller. */
  clerk: boolean
}

/** `YYYY-MM-DD HH:mm` in Beijing time as an instant with its zone (the server wants one). */
export function foundAtInstant(text: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})/.exec(text)
  return m ? `${m[1]}T${m[2]}:${m[3]}:00+08:00` : null
}

/** The fields' problems before sending, by the input's field names (as the server names them). */
export function checkForm(form: ReportForm, who: Who, now: Date): Record<string, string> {
  const out: Record<string, string> = {}
  const today = beijingDay(now)
  if (!form.kind) out.kind = '请选择报告情形'
  if (!form.description.trim()) out.description = '请描述发现的情况'
  else if (form.description.trim().length > 5000) out.description = '不能超过5000个字'
  if (!form.townCode && !form.villageCode) out.divisionCode = '请填写事发地点（镇街或社区（村）区划代码）'
  if (!form.childId) {
    if (form.childAge === null) out.childAge = '请填写儿童年龄（可估计）'
    else if (form.childAge < 0 || form.childAge > 17) out.childAge = '年龄应在0到17岁之间'
    if (form.childName.trim().length > 50) out.childName = '不能超过50个字'
  }
  const found = form.foundAt ? foundAtInstant(form.foundAt) : null
  if (found && new Date(found).getTime() > now.getTime() + 60_000) out.foundAt = '发现时间不能晚于现在'
  const foundDay = found ? found.slice(0, 10) : today
  if (form.occurredOn && form.occurredOn > today) out.occurredOn = '发生日期不能晚于今天'
  else if (form.occurredOn && !out.foundAt && form.occurredOn > foundDay) out.occurredOn = '发生日期不能晚于发现时间'
  if (who.mandated && !form.institution.trim()) out.institution = '请填写报告机构名称'
  if (form.institution.trim().length > 100) out.institution = '不能超过100个字'
  if (who.clerk) {
    if (!form.callerName.trim()) out['onBehalfOf.name'] = '请填写来电人姓名'
    if (!PHONE.test(form.callerPhone.trim())) out['onBehalfOf.phone'] = PHONE_MESSAGE
  }
  return out
}

/** The form as the API's ReportInput: empty fields left out, the village over its town. */
export function toInput(form: ReportForm, who: Who): ReportInput {
  const input: ReportInput = {
    kind: form.kind as ReportKind,
    description: form.description.trim(),
    urgent: form.urgent,
  }
  if (form.childId) input.childId = form.childId
  else {
    if (form.childName.trim()) input.childName = form.childName.trim()
    if (form.childAge !== null) input.childAge = form.childAge
  }
  const place = form.villageCode || form.townCode
  if (place) input.divisionCode = place
  if (form.occurredOn) input.occurredOn = form.occurredOn
  const found = form.foundAt ? foundAtInstant(form.foundAt) : null
  if (found) input.foundAt = found
  if (form.institution.trim()) input.institution = form.institution.trim()
  if (who.clerk) input.onBehalfOf = { name: form.callerName.trim(), phone: form.callerPhone.trim() }
  return input
}

/** A field the server named (`input.onBehalfOf.phone`) as the form's key (`onBehalfOf.phone`). */
export function formKey(path: string): string {
  return path.replace(/^input\./, '')
}

/** The form's keys whose change clears a field's error, by the server's field name. */
export function fieldOf(key: keyof ReportForm): string {
  switch (key) {
    case 'callerName':
      return 'onBehalfOf.name'
    case 'callerPhone':
      return 'onBehalfOf.phone'
    case 'townCode':
    case 'villageCode':
      return 'divisionCode'
    case 'childLabel':
      return 'childId'
    default:
      return key
  }
}

/** Why a file may not go with the report, or '' when it may. */
export function checkAttachment(file: { name: string; size: number; type: string }, already: number): string {
  if (already >= ATTACHMENTS_PER_REPORT) return `每份报告最多${ATTACHMENTS_PER_REPORT}个附件`
  if (file.type && !ATTACHMENT_TYPES.includes(file.type)) return `${file.name}：仅支持JPEG、PNG图片或PDF文件`
  if (file.size > ATTACHMENT_MAX_BYTES) return `${file.name}：文件超过5MB，请压缩后再上传`
  if (file.size === 0) return `${file.name}：文件为空`
  return ''
}

/** A file's size as people read it: 1.2 MB, 340 KB. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}

function beijingDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}
