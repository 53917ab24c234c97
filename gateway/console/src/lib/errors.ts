// The gateway's errors (API.md "Errors") as sentences a person reads, in Chinese.
// Every GraphQL error carries `extensions.code`; VALIDATION_FAILED names its fields, each with
// the server's own Chinese message, so a form shows each one by the field it is about.

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'CONFLICT'
  | 'DUPLICATE'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'NETWORK'

export interface GraphQLErrorLike {
  message?: string
  path?: ReadonlyArray<string | number>
  extensions?: {
    code?: string
    fields?: Record<string, string>
    existingId?: string
    retryAfter?: number
    [key: string]: unknown
  }
}

const SENTENCES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: '登录已过期，请重新登录。',
  FORBIDDEN: '您没有权限进行此操作。',
  NOT_FOUND: '未找到该记录，或您无权查看。',
  VALIDATION_FAILED: '填写的内容有误，请检查后重试。',
  CONFLICT: '该记录已被他人修改。请刷新查看最新内容后再提交，您填写的内容已保留。',
  DUPLICATE: '已有相同的记录，不能重复登记。',
  RATE_LIMITED: '操作过于频繁，请稍后再试。',
  INTERNAL: '系统繁忙，请稍后重试。如多次出现，请联系系统管理员。',
  NETWORK: '无法连接到服务器，请检查网络后重试。',
}

/** The Chinese names of the fields the API's inputs have, for sentences about them. */
export const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  gender: '性别',
  birthDate: '出生日期',
  idNumber: '身份证号',
  residenceDivisionCode: '居住地（村/社区）',
  hukouDivisionCode: '户籍地',
  school: '学校',
  notes: '备注',
  visitedOn: '走访日期',
  seen: '走访对象',
  findings: '走访情况',
  riskLevel: '风险等级',
  nextDue: '下次走访日期',
  status: '状态',
  divisionCode: '行政区划',
  applicantName: '申请人姓名',
  applicantRelation: '与儿童关系',
  applicantPhone: '申请人手机号',
  phone: '手机号',
  needs: '申请事项',
  materials: '材料',
  note: '备注',
  childId: '儿童',
  childName: '儿童姓名',
  childAge: '儿童年龄',
  institution: '报告机构',
  kind: '类型',
  occurredOn: '发生日期',
  foundAt: '发现时间',
  measure: '处置措施',
  at: '时间',
  supervisorRequest: '请督导员事项',
  description: '情况描述',
  summary: '评估意见',
  outcome: '办理结果',
  reason: '原因',
  month: '月份',
  from: '开始日期',
  to: '结束日期',
  asOf: '统计日期',
  monthlyAmountFen: '月标准',
  classifications: '分类',
  since: '起始日期',
  first: '每页条数',
  file: '文件',
  version: '版本',
  // 关爱资源: caring families, donations, needs and offers.
  headName: '户主姓名',
  mobile: '手机号',
  address: '住址',
  assessedOn: '评估日期',
  familyId: '爱心家庭',
  startsOn: '开始日期',
  until: '约定结束日期',
  endedOn: '结束日期',
  organisationId: '组织',
  donorName: '捐赠人',
  amountFen: '金额',
  goodsDescription: '物资名称',
  quantity: '数量',
  unit: '单位',
  designation: '定向',
  designatedId: '定向对象',
  receivedOn: '接收日期',
  usedOn: '使用日期',
  purpose: '用途',
  offerId: '资源',
  needId: '需求',
  // Volunteers (志愿服务)
  skills: '技能',
  availability: '可服务时间',
  serviceArea: '服务区域',
  volunteerId: '志愿者',
  volunteerIds: '志愿者',
  checkedOn: '审查日期',
  passed: '结果',
  hours: '时长',
  on: '日期',
  activityId: '活动',
  hoursId: '时长记录',
  title: '活动名称',
  capacity: '儿童名额',
  volunteerCapacity: '志愿者名额',
  children: '儿童人数',
  childrenAttended: '到场儿童人数',
  minutes: '时长（分钟）',
  mode: '方式',
  pairingId: '结对',
}

const CODES = new Set<string>(Object.keys(SENTENCES))

function codeOf(error: GraphQLErrorLike): ErrorCode {
  const code = error.extensions?.code
  return code && CODES.has(code) ? (code as ErrorCode) : 'INTERNAL'
}

/** The label of a field path such as `input.child.idNumber`: its last name's, else itself. */
export function fieldLabel(path: string): string {
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? path
  return FIELD_LABELS[last] ?? last
}

/** Each field the server named, with its message: for a form to show by the field. */
export function fieldErrors(errors: readonly GraphQLErrorLike[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const error of errors) {
    for (const [field, message] of Object.entries(error.extensions?.fields ?? {})) {
      out[field] = message
    }
  }
  return out
}

/** One field's error as a sentence: 身份证号：身份证号码格式或校验位不正确。 */
export function fieldSentence(field: string, message: string): string {
  const text = message.replace(/[。.]$/, '')
  return `${fieldLabel(field)}：${text}。`
}

/** The errors of one answer as what the person reads. */
export function describeErrors(errors: readonly GraphQLErrorLike[]): string {
  if (errors.length === 0) return SENTENCES.INTERNAL
  const first = errors[0]
  const code = codeOf(first)
  switch (code) {
    case 'VALIDATION_FAILED': {
      const fields = Object.entries(fieldErrors(errors))
      if (fields.length) return fields.map(([f, m]) => fieldSentence(f, m)).join('')
      // A message of the server's own, in Chinese, says more than the general one.
      return isChinese(first.message) ? ensureStop(first.message!) : SENTENCES.VALIDATION_FAILED
    }
    case 'RATE_LIMITED': {
      const wait = Number(first.extensions?.retryAfter)
      return Number.isFinite(wait) && wait > 0
        ? `操作过于频繁，请 ${Math.ceil(wait)} 秒后再试。`
        : SENTENCES.RATE_LIMITED
    }
    case 'FORBIDDEN':
    case 'DUPLICATE':
      return isChinese(first.message) ? ensureStop(first.message!) : SENTENCES[code]
    default:
      return SENTENCES[code]
  }
}

/** The general sentence of a code. */
export function describeCode(code: ErrorCode): string {
  return SENTENCES[code]
}

function isChinese(text: string | undefined): boolean {
  return !!text && /[\u4e00-\u9fff]/.test(text)
}

function ensureStop(text: string): string {
  return /[。！？.!?]$/.test(text) ? text : `${text}。`
}

/** An operation that did not succeed: its code, what to tell, and each field's message. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly errors: readonly GraphQLErrorLike[]
  readonly fields: Record<string, string>

  constructor(errors: readonly GraphQLErrorLike[], code?: ErrorCode) {
    super(code ? SENTENCES[code] : describeErrors(errors))
    this.name = 'ApiError'
    this.errors = errors
    this.code = code ?? (errors.length ? codeOf(errors[0]) : 'INTERNAL')
    this.fields = fieldErrors(errors)
  }

  static network(): ApiError {
    return new ApiError([], 'NETWORK')
  }
}

/** Any thrown thing as a sentence (an ApiError's, or the general one). */
export function errorSentence(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return SENTENCES.INTERNAL
}
