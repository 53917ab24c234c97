// Each role's work on the home page, as rows of one shape: what, its state, its deadline.
import { request } from '../../graphql/client'
import {
  HomeDropoutRisksDocument,
  HomeHomeTeachingDocument,
  HomeIntakesDocument,
  HomeOverdueVisitsDocument,
  HomeReportsDocument,
  HomeTasksDocument,
  type ReportStatus,
} from '../../gql/graphql'
import {
  DEPARTMENT,
  DROPOUT_RISK_REASON,
  INTAKE_STATUS,
  NEED,
  REPORT_KIND,
  REPORT_STATUS,
  TASK_STATUS,
  label,
} from '../../lib/labels'
import { DEPARTMENT_ROLES, type Role } from '../../lib/roles'
import { todayInDistrict } from '../../lib/format'
import { monthName, previousMonth } from '../education/inclusion'

export interface TodoRow {
  key: string
  /** 事项: what it is */
  title: string
  /** Who or what it concerns */
  detail: string
  status: string
  /** Its deadline (a Date or DateTime of the API), if it has one */
  due: string | null
  overdue: boolean
  /** Where to act on it, once the page is there */
  link: string | null
}

export interface TodoSection {
  id: string
  title: string
  rows: TodoRow[]
}

const OPEN_TASK = new Set(['PENDING', 'ACCEPTED', 'NEEDS_MATERIALS'])

async function departmentTasks(): Promise<TodoSection> {
  const data = await request(HomeTasksDocument)
  const rows = data.departmentTasks.edges
    .map((e) => e.node)
    .filter((t) => OPEN_TASK.has(t.status))
    .map<TodoRow>((t) => ({
      key: `task-${t.id}`,
      title: `${label(NEED, t.need)}（${t.receiptNumber}）`,
      detail: `申请人 ${t.applicantName} · ${label(DEPARTMENT, t.department)}`,
      status: label(TASK_STATUS, t.status),
      due: t.dueAt ?? null,
      overdue: t.overdue,
      link: '/tasks',
    }))
  return { id: 'tasks', title: '部门待办事项', rows }
}

async function openIntakes(): Promise<TodoSection> {
  const data = await request(HomeIntakesDocument)
  const rows = data.intakes.edges.map<TodoRow>(({ node: i }) => {
    const open = i.tasks.filter((t) => OPEN_TASK.has(t.status))
    const dues = open.map((t) => t.dueAt).filter((d): d is string => !!d).sort()
    return {
      key: `intake-${i.id}`,
      title: `受理编号 ${i.receiptNumber}`,
      detail: `申请人 ${i.applicantName} · ${i.needs.map((n) => label(NEED, n)).join('、')}`,
      status: `${label(INTAKE_STATUS, i.status)}（${i.tasks.length - open.length}/${i.tasks.length} 个部门已办结）`,
      due: dues[0] ?? null,
      overdue: open.some((t) => t.overdue),
      link: null,
    }
  })
  return { id: 'intakes', title: '办理中的申请', rows }
}

async function reports(title: string, status: ReportStatus | null): Promise<TodoSection> {
  const data = await request(HomeReportsDocument, { status })
  const rows = data.reports.edges.map<TodoRow>(({ node: r }) => ({
    key: `report-${r.id}`,
    title: `案件 ${r.caseNumber}${r.urgent ? '（紧急）' : ''}`,
    detail: [label(REPORT_KIND, r.kind), r.childName].filter(Boolean).join(' · '),
    status: label(REPORT_STATUS, r.status),
    due: r.assessmentDueAt ?? null,
    overdue: !!r.assessmentOverdue,
    link: null,
  }))
  return { id: `reports-${status ?? 'all'}`, title, rows }
}

async function overdueVisits(): Promise<TodoSection> {
  const data = await request(HomeOverdueVisitsDocument)
  const rows = data.overdueVisits.edges.map<TodoRow>(({ node: v }) => ({
    key: `visit-${v.child.id}`,
    title: `走访 ${v.child.name}`,
    detail: `已逾期 ${v.daysOverdue} 天`,
    status: '待走访',
    due: v.dueOn,
    overdue: true,
    link: `/children/${v.child.id}`,
  }))
  return { id: 'visits', title: '逾期未走访的儿童', rows }
}

async function dropoutRisks(divisionCode: string): Promise<TodoSection> {
  const data = await request(HomeDropoutRisksDocument, { divisionCode })
  const rows = data.dropoutRisks.edges.map<TodoRow>(({ node: r }) => ({
    key: `risk-${r.id}`,
    title: `控辍保学 ${r.child.name}`,
    detail: label(DROPOUT_RISK_REASON, r.reason),
    status: '待劝返',
    due: r.dueOn,
    overdue: r.overdue,
    link: `/children/${r.child.id}`,
  }))
  return { id: 'dropout-risks', title: '辍学风险（控辍保学）', rows }
}

/** The home teaching plans whose last month ended short of the schedule (送教不足): the worker's
 * monthly check flags them; a month still running is not yet short, an older one is history. */
async function homeTeachingMissed(divisionCode: string): Promise<TodoSection> {
  const data = await request(HomeHomeTeachingDocument, { divisionCode })
  const last = previousMonth(todayInDistrict())
  const rows = data.homeTeaching
    .filter((p) => p.missedMonths[0]?.month === last)
    .map<TodoRow>((p) => {
      const last = p.missedMonths[0]
      return {
        key: `home-teaching-${p.id}`,
        title: `送教上门 ${p.child.name}`,
        detail: `${monthName(last.month)}送教${last.held}次，计划${last.expected}次`,
        status: '送教不足',
        due: null,
        overdue: true,
        link: `/children/${p.child.id}`,
      }
    })
  return { id: 'home-teaching', title: '送教上门未达计划', rows }
}

/** What the home page lists for a role, each list loaded as the role may read it; the division
 * is the person's (the dropout risks are asked for by division). */
export function sectionsFor(role: Role | null, divisionCode = ''): Array<() => Promise<TodoSection>> {
  if (!role) return []
  const sources: Array<() => Promise<TodoSection>> = []
  if (role === 'police') sources.push(() => reports('待受理的强制报告', 'REPORTED'))
  if (role === 'town_social_worker') {
    sources.push(() => reports('待评估的案件', 'REFERRED_TO_TOWN'))
  }
  if (role === 'mandated_reporter' || role === 'school_staff') {
    sources.push(() => reports('我提交的强制报告', null))
  }
  if (DEPARTMENT_ROLES.includes(role)) sources.push(departmentTasks)
  if (role === 'intake_clerk') sources.push(openIntakes)
  if (role === 'village_supervisor' || role === 'town_social_worker') {
    sources.push(overdueVisits)
  }
  if ((role === 'education' || role === 'town_social_worker') && divisionCode) {
    sources.push(() => dropoutRisks(divisionCode))
    sources.push(() => homeTeachingMissed(divisionCode))
  }
  return sources
}
