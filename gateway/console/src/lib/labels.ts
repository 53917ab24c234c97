// Chinese names of the API's values. The tables shared with the services come from the
// platform (src/labels.json, written by `make contracts`); the statuses are the console's own.
import shared from '../labels.json'

export const NEED = shared.need as Record<string, string>
export const DEPARTMENT = shared.department as Record<string, string>
export const RELATION = shared.relation as Record<string, string>
export const REPORT_KIND = shared.reportKind as Record<string, string>
export const RESPONSE_MEASURE = shared.responseMeasure as Record<string, string>
export const ROLE = shared.role as Record<string, string>

export const TASK_STATUS: Record<string, string> = {
  PENDING: '待受理',
  ACCEPTED: '办理中',
  NEEDS_MATERIALS: '待补材料',
  DONE: '已办结',
  DECLINED: '不予受理',
}

export const INTAKE_STATUS: Record<string, string> = {
  OPEN: '办理中',
  COMPLETED: '已办结',
  WITHDRAWN: '已撤回',
}

export const TIMELINE_ACTION: Record<string, string> = {
  SUBMITTED: '窗口受理',
  ROUTED: '分送部门',
  ACCEPTED: '部门受理',
  MATERIALS_REQUESTED: '要求补充材料',
  MATERIALS_RECEIVED: '材料已补齐',
  ESCALATED: '逾期督办',
  COMPLETED: '部门办结',
  DECLINED: '不予办理',
  WITHDRAWN: '申请撤回',
  INTAKE_COMPLETED: '申请办结',
}

export const REPORT_STATUS: Record<string, string> = {
  REPORTED: '待公安受理',
  ACCEPTED: '公安已受理',
  REFERRED_TO_TOWN: '已通报镇街',
  ASSESSED: '已评估',
  CLOSED: '已结案',
}

export const CASE_ACTION: Record<string, string> = {
  REPORTED: '收到报告',
  ATTACHMENT_ADDED: '添加附件',
  ACCEPTED: '公安受理',
  RESPONDED: '出警处置',
  MISSING_ALERT_OPENED: '启动失踪查找',
  MISSING_ALERT_CLOSED: '失踪查找结束',
  TOWN_NOTIFIED: '通报镇街',
  ASSESSED: '镇街评估',
  CHILD_LINKED: '关联儿童档案',
  INTERVENTION_OPENED: '启动监护干预',
  INTERVENTION_CLOSED: '监护干预结束',
  PETITION_DUE: '应申请撤销监护资格',
  PETITION_FILED: '已向法院申请',
  PETITION_DECIDED: '法院作出判决',
  ESCALATED: '逾期督办',
  CLOSED: '结案',
}

/** The steps of a case against their limits (追责时限). */
export const CLOCK_STEP: Record<string, string> = {
  FOUND_TO_REPORTED: '发现至报告',
  REPORTED_TO_ACCEPTED: '报告至受理',
  ACCEPTED_TO_NOTIFIED: '受理至通报镇街',
  NOTIFIED_TO_ASSESSED: '通报至评估',
}

export const RISK_LEVEL: Record<string, string> = {
  LOW: '低',
  MEDIUM: '中',
  HIGH: '高',
}

export const SEVERITY: Record<string, string> = {
  INFO: '一般',
  WARNING: '重要',
  URGENT: '紧急',
}

export const DIVISION_LEVEL: Record<string, string> = {
  DISTRICT: '区',
  TOWN: '镇街',
  VILLAGE: '村/社区',
}

/** The name of a value in a table, or the value itself when the table lacks it. */
export function label(table: Record<string, string>, value: string | null | undefined): string {
  if (value == null) return ''
  return table[value] ?? value
}
