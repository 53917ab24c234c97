// Who the signed-in person is, from their access token, and what the console offers each role.
import { ROLE } from './labels'

export type Role =
  | 'civil_affairs'
  | 'women_children_committee'
  | 'intake_clerk'
  | 'town_social_worker'
  | 'village_supervisor'
  | 'police'
  | 'education'
  | 'health'
  | 'human_resources'
  | 'judicial'
  | 'housing'
  | 'mandated_reporter'
  | 'school_staff'
  | 'youth_league'
  | 'trade_union'
  | 'womens_federation'
  | 'disabled_persons_federation'
  | 'auditor'
  | 'volunteer'

export const ROLES = Object.keys(ROLE) as Role[]

/** The departments' roles: each has a board of tasks (`departmentTasks`). */
export const DEPARTMENT_ROLES: readonly Role[] = [
  'civil_affairs',
  'police',
  'education',
  'health',
  'human_resources',
  'judicial',
  'housing',
  'youth_league',
  'trade_union',
  'womens_federation',
  'disabled_persons_federation',
]

/** The mass organisations (群团组织): the volunteers service's FEDERATION_ROLES. */
export const FEDERATION_ROLES: readonly Role[] = ['youth_league', 'trade_union', 'womens_federation', 'disabled_persons_federation']

/** Roles that read children's files (docs/access-policy.md). */
export const FILE_READERS: readonly Role[] = [
  'civil_affairs',
  'women_children_committee',
  'intake_clerk',
  'town_social_worker',
  'village_supervisor',
  ...DEPARTMENT_ROLES.filter((r) => r !== 'civil_affairs'),
]

/** Roles that see protection cases in detail, within their division (the registry's
 * `Part.CASES`): the police's inbox, the town's assessment, civil affairs, judicial. */
export const CASE_READERS: readonly Role[] = ['police', 'town_social_worker', 'civil_affairs', 'judicial']

export interface Claims {
  username: string
  roles: Role[]
  divisionCode: string
  expiresAt: number | null
}

function base64UrlDecode(text: string): string {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4)
  const binary = atob(padded)
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
  return new TextDecoder().decode(bytes)
}

/** The platform's claims of an access token (not verified here: the gateway verifies it). */
export function readClaims(accessToken: string): Claims | null {
  const payload = accessToken.split('.')[1]
  if (!payload) return null
  let body: Record<string, unknown>
  try {
    body = JSON.parse(base64UrlDecode(payload)) as Record<string, unknown>
  } catch {
    return null
  }
  const access = body.realm_access as { roles?: unknown } | undefined
  const granted = Array.isArray(access?.roles) ? (access.roles as unknown[]) : []
  const known = new Set<string>(ROLES)
  return {
    username: typeof body.preferred_username === 'string' ? body.preferred_username : '',
    // Keycloak adds its own (default-roles-shouhu, offline_access, …): only the platform's.
    roles: granted.filter((r): r is Role => typeof r === 'string' && known.has(r)),
    divisionCode: typeof body.division_code === 'string' ? body.division_code : '',
    expiresAt: typeof body.exp === 'number' ? body.exp : null,
  }
}

/** The role the console is laid out for: the first the person holds, in the order above. */
export function primaryRole(roles: readonly Role[]): Role | null {
  return ROLES.find((r) => roles.includes(r)) ?? null
}

export function roleName(role: Role | null): string {
  return role ? (ROLE[role] ?? role) : ''
}

export interface NavItem {
  path: string
  title: string
  icon:
    | 'home'
    | 'intake'
    | 'tasks'
    | 'children'
    | 'ledger'
    | 'visits'
    | 'report'
    | 'cases'
    | 'statistics'
    | 'payments'
    | 'risks'
    | 'schools'
    | 'aid'
    | 'school'
    | 'homeTeaching'
    | 'educationStatistics'
    | 'caringFamilies'
    | 'donations'
    | 'needs'
    | 'volunteer'
    | 'volunteers'
    | 'activities'
  /** Who sees it in the menu; none: everyone. */
  roles?: readonly Role[]
}

/** Who may import a village's ledger (`importLedger`, docs/authz-matrix.md). */
export const LEDGER_IMPORTERS: readonly Role[] = [
  'civil_affairs',
  'intake_clerk',
  'town_social_worker',
  'village_supervisor',
]

/** Who reads the overdue visits (`overdueVisits`); VISITORS also record them (`recordVisit`). */
export const VISIT_READERS: readonly Role[] = LEDGER_IMPORTERS
export const VISITORS: readonly Role[] = ['civil_affairs', 'town_social_worker', 'village_supervisor']

/** Who may change a file's basic facts (`updateChild`). */
export const FILE_WRITERS: readonly Role[] = LEDGER_IMPORTERS

/** Who sees a child's guardianship interventions (`interventions`; the access policy's cases). */
export const INTERVENTION_READERS: readonly Role[] = ['civil_affairs', 'town_social_worker', 'police', 'judicial']

/** The sidebar, in order. The routes are fixed by API.md ("The console"). */
export const NAV: readonly NavItem[] = [
  { path: '/', title: '首页', icon: 'home' },
  { path: '/intake/new', title: '一门受理', icon: 'intake', roles: ['intake_clerk', 'civil_affairs'] },
  { path: '/tasks', title: '部门待办', icon: 'tasks', roles: DEPARTMENT_ROLES },
  { path: '/children', title: '儿童档案', icon: 'children', roles: FILE_READERS },
  { path: '/ledger', title: '台账导入', icon: 'ledger', roles: LEDGER_IMPORTERS },
  { path: '/visits', title: '定期走访', icon: 'visits', roles: VISIT_READERS },
  {
    path: '/reports/new',
    title: '强制报告',
    icon: 'report',
    roles: ROLES.filter((r) => r !== 'auditor'),
  },
  { path: '/reports', title: '案件办理', icon: 'cases', roles: CASE_READERS },
  {
    path: '/statistics',
    title: '统计分析',
    icon: 'statistics',
    roles: [
      'civil_affairs',
      'women_children_committee',
      'intake_clerk',
      'town_social_worker',
      'auditor',
    ],
  },
  { path: '/payments', title: '保障金发放', icon: 'payments', roles: ['civil_affairs'] },
  // Education (docs/console.md): the department's three pages; a school's staff their school.
  // 控辍保学: the department district-wide, a town's social worker their town (EXEMPT_ROLES).
  { path: '/education/risks', title: '控辍保学', icon: 'risks', roles: ['education', 'town_social_worker'] },
  { path: '/education/schools', title: '学校名录', icon: 'schools', roles: ['education'] },
  { path: '/education/aid', title: '教育资助', icon: 'aid', roles: ['education'] },
  // 送教上门: the division's plans (HOME_TEACHING_LIST_ROLES).
  { path: '/education/home-teaching', title: '送教上门', icon: 'homeTeaching', roles: ['education', 'town_social_worker'] },
  // 教育统计: the readers of enrolments within their division and the auditor (STATISTICS_ROLES).
  {
    path: '/education/statistics',
    title: '教育统计',
    icon: 'educationStatistics',
    roles: ['education', 'civil_affairs', 'town_social_worker', 'village_supervisor', 'intake_clerk', 'auditor'],
  },
  { path: '/school', title: '本校学生', icon: 'school', roles: ['school_staff'] },
  // 关爱资源 (docs/console.md): caring families for civil affairs and the town's social worker
  // (FAMILY_READ_ROLES); donations for the federations and civil affairs (DONATION_READ_ROLES);
  // needs and offers for both (NEED_READ_ROLES).
  { path: '/caring/families', title: '爱心家庭', icon: 'caringFamilies', roles: ['civil_affairs', 'town_social_worker'] },
  {
    path: '/caring/donations',
    title: '爱心捐赠',
    icon: 'donations',
    roles: [...FEDERATION_ROLES, 'civil_affairs'],
  },
  {
    path: '/caring/needs',
    title: '需求与资源',
    icon: 'needs',
    roles: ['civil_affairs', 'town_social_worker', ...FEDERATION_ROLES],
  },
  // 我的志愿服务: the volunteer's own record, pairings and hours (myVolunteer; item 11).
  { path: '/me/volunteer', title: '我的志愿服务', icon: 'volunteer', roles: ['volunteer'] },
  // Volunteers (docs/volunteers.md): the four federations register, vet, approve hours (a tab of
  // 志愿者) and hold activities, each for the organisations it acts for.
  { path: '/volunteers', title: '志愿者', icon: 'volunteers', roles: FEDERATION_ROLES },
  { path: '/volunteers/activities', title: '志愿活动', icon: 'activities', roles: FEDERATION_ROLES },
]

/** Who may read an application (`intake`): the window's roles, the town social worker, and the
 * departments (civil affairs among them) the ones they have a task on. */
export const INTAKE_READERS: readonly Role[] = ['intake_clerk', 'town_social_worker', ...DEPARTMENT_ROLES]

/** Whether the caller holds the federation role an organisation is acted for by (YOUTH_LEAGUE → youth_league). */
export function actsFor(roles: readonly Role[], actingRole: string): boolean {
  return roles.includes(actingRole.toLowerCase() as Role)
}

export function allowed(roles: readonly Role[], only: readonly Role[] | undefined): boolean {
  return !only || roles.some((r) => only.includes(r))
}

export function navFor(roles: readonly Role[]): NavItem[] {
  return NAV.filter((item) => allowed(roles, item.roles))
}
