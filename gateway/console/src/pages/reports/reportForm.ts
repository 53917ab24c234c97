// The mandatory-report form's state and its checks before sending (pure, tested in vitest).
import type { ReportInput, ReportKind } from '../../gql/graphql'

export interface ReportForm {
  childName: string
  childAge: number | null
  townCode: string
  villageCode: string
  kind: ReportKind | ''
  occurredOn: string
  urgent: boolean
  description: string
  institution: string
  callerName: string
  callerPhone: string
}

export function emptyForm(): ReportForm {
  return {
    childName: '',
    childAge: null,
    townCode: '',
    villageCode: '',
    kind: '',
    occurredOn: '',
    urgent: false,
    description: '',
    institution: '',
    callerName: '',
    callerPhone: '',
  }
}

export interface Who {
  /** Mandated reporters (schools and institutions) must name their institution. */
  mandated: boolean
  /** A window clerk files for a hotline caller. */
  clerk: boolean
}

/** The fields' own problems before sending, by the input's field names; none: {}. */
export function checkForm(form: ReportForm, who: Who, today: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (!form.kind) out.kind = '请选择报告情形'
  if (!form.description.trim()) out.description = '请填写情况描述'
  if (form.occurredOn && form.occurredOn > today) out.occurredOn = '发生日期不能晚于今天'
  if (form.childAge !== null && (form.childAge < 0 || form.childAge > 17)) {
    out.childAge = '年龄应在 0 至 17 岁之间'
  }
  if (who.mandated && !form.institution.trim()) out.institution = '强制报告责任单位须填写报告单位'
  if (who.clerk) {
    if (!form.callerName.trim()) out['onBehalfOf.name'] = '请填写来电人姓名'
    if (!form.callerPhone.trim()) out['onBehalfOf.phone'] = '请填写来电人电话'
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
  if (form.childName.trim()) input.childName = form.childName.trim()
  if (form.childAge !== null) input.childAge = form.childAge
  const place = form.villageCode || form.townCode
  if (place) input.divisionCode = place
  if (form.occurredOn) input.occurredOn = form.occurredOn
  if (form.institution.trim()) input.institution = form.institution.trim()
  if (who.clerk) input.onBehalfOf = { name: form.callerName.trim(), phone: form.callerPhone.trim() }
  return input
}

/** A field the server named (`input.onBehalfOf.phone`) as the form's key (`onBehalfOf.phone`). */
export function formKey(path: string): string {
  return path.replace(/^input\./, '')
}
