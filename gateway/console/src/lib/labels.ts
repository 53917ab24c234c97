// Chinese names of the API's values. The tables shared with the services come from the
// platform (src/labels.json, written by `make contracts`); the statuses are the console's own.
import shared from '../labels.json'

export const NEED = shared.need as Record<string, string>
export const DEPARTMENT = shared.department as Record<string, string>
export const RELATION = shared.relation as Record<string, string>
export const REPORT_KIND = shared.reportKind as Record<string, string>
export const RESPONSE_MEASURE = shared.responseMeasure as Record<string, string>
export const ROLE = shared.role as Record<string, string>
export const CLASSIFICATION_GROUP = shared.classificationGroup as Record<string, string>
export const CLASSIFICATION_SUBTYPE = shared.classificationSubtype as Record<string, string>
// Education (教育)
export const SCHOOL_STAGE = shared.schoolStage as Record<string, string>
export const SCHOOL_KIND = shared.schoolKind as Record<string, string>
export const ENROLMENT_STATUS = shared.enrolmentStatus as Record<string, string>
export const ENROLMENT_END_REASON = shared.enrolmentEndReason as Record<string, string>
export const DROPOUT_RISK_REASON = shared.dropoutRiskReason as Record<string, string>
export const DROPOUT_RISK_OUTCOME = shared.dropoutRiskOutcome as Record<string, string>
export const EXEMPTION_REASON = shared.exemptionReason as Record<string, string>
export const AID_PROGRAMME = shared.aidProgramme as Record<string, string>
export const PLACEMENT_KIND = shared.placementKind as Record<string, string>
// Caring families, donations, needs and offers (关爱资源)
export const CARING_FAMILY_KIND = shared.caringFamilyKind as Record<string, string>
export const CARING_FAMILY_STATUS = shared.caringFamilyStatus as Record<string, string>
export const DONOR_KIND = shared.donorKind as Record<string, string>
export const DONATION_KIND = shared.donationKind as Record<string, string>
export const DONATION_DESIGNATION = shared.donationDesignation as Record<string, string>
export const RESOURCE_KIND = shared.resourceKind as Record<string, string>
export const NEED_STATUS = shared.needStatus as Record<string, string>
export const OFFER_STATUS = shared.offerStatus as Record<string, string>
// Volunteers (志愿服务)
export const VOLUNTEER_SKILL = shared.volunteerSkill as Record<string, string>
export const VOLUNTEER_AVAILABILITY = shared.volunteerAvailability as Record<string, string>
export const VETTING_KIND = shared.vettingKind as Record<string, string>
export const VOLUNTEER_ACCOUNT_STATUS = shared.volunteerAccountStatus as Record<string, string>
export const ACTIVITY_KIND = shared.activityKind as Record<string, string>
export const SERVICE_HOURS_STATUS = shared.serviceHoursStatus as Record<string, string>
export const PAIRING_STATUS = shared.pairingStatus as Record<string, string>
export const PAIRING_VISIT_MODE = shared.pairingVisitMode as Record<string, string>

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

// A child's file (儿童档案), its family, visits, plan and benefits.
export const GENDER: Record<string, string> = { MALE: '男', FEMALE: '女' }

export const CHILD_STATUS: Record<string, string> = { ACTIVE: '在册', EXITED: '已退出' }

export const EXIT_REASON: Record<string, string> = {
  AGED_OUT: '年满18周岁',
  MOVED_OUT: '迁出本区',
  CONDITIONS_ENDED: '困境情形消除',
  DECEASED: '死亡',
  ADOPTED: '被收养',
  OTHER: '其他',
}

/** A household member's relation to the child (not an applicant's: RELATION). */
export const FAMILY_RELATION: Record<string, string> = {
  FATHER: '父亲',
  MOTHER: '母亲',
  GRANDFATHER: '（外）祖父',
  GRANDMOTHER: '（外）祖母',
  SIBLING: '兄弟姐妹',
  OTHER_RELATIVE: '其他亲属',
  OTHER: '其他',
}

export const CAPACITY: Record<string, string> = {
  FULL: '有监护能力',
  LIMITED: '监护能力不足',
  NONE: '无监护能力',
}

export const RISK_LEVEL: Record<string, string> = { LOW: '低', MEDIUM: '中', HIGH: '高' }

export const MEASURE_STATUS: Record<string, string> = {
  PLANNED: '计划中',
  IN_PROGRESS: '实施中',
  DONE: '已完成',
  CANCELLED: '已取消',
}

export const DECISION_OUTCOME: Record<string, string> = {
  GRANTED: '享受',
  SUPERSEDED: '择高不重复享受',
  NOT_COMBINABLE: '不可叠加',
  NOT_ELIGIBLE: '不符合条件',
  PILOT_NOT_ENABLED: '试点未开展',
}

export const ENTITLEMENT_STATUS: Record<string, string> = {
  SCHEDULED: '待开始',
  ACTIVE: '享受中',
  ENDED: '已停止',
}

export const INTERVENTION_REASON: Record<string, string> = {
  ADMONITION_FAILED: '训诫后仍不履责',
  DUTY_REFUSED_SIX_MONTHS: '拒不履行监护职责六个月以上',
  SERIOUS_HARM: '严重损害儿童身心健康',
  GUARDIAN_UNABLE: '监护人无力履责',
}

export const INTERVENTION_STATUS: Record<string, string> = { OPEN: '进行中', CLOSED: '已结束' }

/** What a change to a file was (HistoryEntry.operation). */
export const HISTORY_OPERATION: Record<string, string> = {
  REGISTERED: '建档',
  UPDATED: '修改基本信息',
  CLASSIFIED: '调整分类',
  GUARDIANSHIP_CHANGED: '更新家庭成员',
  PLAN_MEASURE_ADDED: '新增帮扶措施',
  PLAN_MEASURE_UPDATED: '调整帮扶措施',
  EXITED: '退出保障范围',
  VISIT_RECORDED: '记录走访',
}

export const IMPORT_MODE: Record<string, string> = {
  VALID_ROWS: '导入正确的行，跳过有误的行',
  ALL_OR_NOTHING: '全部正确才导入（有一行出错则整个文件不导入）',
}

/** The name of a value in a table, or the value itself when the table lacks it. */
export function label(table: Record<string, string>, value: string | null | undefined): string {
  if (value == null) return ''
  return table[value] ?? value
}

/** A child's primary category (the registry's `PrimaryCategory`). */
export const PRIMARY_CATEGORY: Record<string, string> = {
  HARDSHIP: '困境儿童',
  LEFT_BEHIND: '留守儿童',
  NONE: '其他儿童',
}

/** How a programme is given (`ProgrammeKind`). */
export const PROGRAMME_KIND: Record<string, string> = {
  MONTHLY_CASH: '按月发放',
  ANNUAL_SUBSIDY: '按年补贴',
  ONE_OFF: '一次性发放',
  SERVICE: '服务类',
}

/** What a programme secures (`ProgrammeCategory`). */
export const PROGRAMME_CATEGORY: Record<string, string> = {
  BASIC_LIVING: '基本生活',
  TEMPORARY_SUPPORT: '临时保障',
  MEDICAL: '医疗康复',
  INSURANCE: '保险',
  GUARDIANSHIP: '监护',
}
