// The console's routes under /console/ (API.md "The console" fixes these paths). Every page is
// loaded when first visited; a page of another role is refused in the layout, not hidden.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'

import { accessToken, signIn } from './auth'
import type { Role } from './lib/roles'
import { CASE_READERS, INTAKE_READERS, NAV } from './lib/roles'

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    /** Who may use the page; none: everyone signed in. */
    roles?: readonly Role[]
    /** Reached without signing in (the sign-in callback). */
    public?: boolean
  }
}

function rolesOf(path: string): readonly Role[] | undefined {
  return NAV.find((item) => item.path === path)?.roles
}

const routes: RouteRecordRaw[] = [
  {
    path: '/callback',
    name: 'callback',
    component: () => import('./pages/CallbackPage.vue'),
    meta: { public: true, title: '正在登录' },
  },
  {
    path: '/',
    component: () => import('./layout/ConsoleLayout.vue'),
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('./pages/home/HomePage.vue'),
        meta: { title: '首页' },
      },
      {
        path: 'intake/new',
        name: 'intake-new',
        component: () => import('./pages/intake/IntakeNewPage.vue'),
        meta: { title: '一门受理', roles: rolesOf('/intake/new') },
      },
      {
        path: 'intake/:id/receipt',
        name: 'intake-receipt',
        component: () => import('./pages/intake/IntakeReceiptPage.vue'),
        props: true,
        meta: { title: '受理回执', roles: rolesOf('/intake/new') },
      },
      {
        path: 'intakes/:id',
        name: 'intake',
        component: () => import('./pages/intake/IntakePage.vue'),
        props: true,
        meta: { title: '申请办理详情', roles: INTAKE_READERS },
      },
      {
        path: 'tasks',
        name: 'tasks',
        component: () => import('./pages/tasks/TasksPage.vue'),
        meta: { title: '部门待办', roles: rolesOf('/tasks') },
      },
      {
        path: 'children',
        name: 'children',
        component: () => import('./pages/children/ChildrenPage.vue'),
        meta: { title: '儿童档案', roles: rolesOf('/children') },
      },
      {
        path: 'children/:id',
        name: 'child',
        component: () => import('./pages/children/ChildPage.vue'),
        props: true,
        meta: { title: '儿童档案详情', roles: rolesOf('/children') },
      },
      {
        path: 'ledger',
        name: 'ledger',
        component: () => import('./pages/ledger/LedgerPage.vue'),
        meta: { title: '台账导入', roles: rolesOf('/ledger') },
      },
      {
        path: 'visits',
        name: 'visits',
        component: () => import('./pages/visits/VisitsPage.vue'),
        meta: { title: '定期走访', roles: rolesOf('/visits') },
      },
      {
        path: 'reports/new',
        name: 'report-new',
        component: () => import('./pages/reports/ReportNewPage.vue'),
        meta: { title: '强制报告', roles: rolesOf('/reports/new') },
      },
      {
        path: 'reports',
        name: 'reports',
        component: () => import('./pages/reports/ReportsPage.vue'),
        meta: { title: '案件办理', roles: CASE_READERS },
      },
      {
        path: 'reports/:id',
        name: 'report',
        component: () => import('./pages/reports/ReportPage.vue'),
        props: true,
        meta: { title: '案件详情', roles: rolesOf('/reports/new') },
      },
      {
        path: 'statistics',
        name: 'statistics',
        component: () => import('./pages/statistics/StatisticsPage.vue'),
        meta: { title: '统计分析', roles: rolesOf('/statistics') },
      },
      {
        path: 'payments',
        name: 'payments',
        component: () => import('./pages/payments/PaymentsPage.vue'),
        meta: { title: '保障金发放', roles: rolesOf('/payments') },
      },
      {
        path: 'education/risks',
        name: 'education-risks',
        component: () => import('./pages/education/RisksPage.vue'),
        meta: { title: '控辍保学', roles: rolesOf('/education/risks') },
      },
      {
        path: 'education/schools',
        name: 'education-schools',
        component: () => import('./pages/education/SchoolsPage.vue'),
        meta: { title: '学校名录', roles: rolesOf('/education/schools') },
      },
      {
        path: 'education/aid',
        name: 'education-aid',
        component: () => import('./pages/education/AidPage.vue'),
        meta: { title: '教育资助', roles: rolesOf('/education/aid') },
      },
      {
        path: 'education/home-teaching',
        name: 'education-home-teaching',
        component: () => import('./pages/education/HomeTeachingPage.vue'),
        meta: { title: '送教上门', roles: rolesOf('/education/home-teaching') },
      },
      {
        path: 'education/statistics',
        name: 'education-statistics',
        component: () => import('./pages/education/EducationStatisticsPage.vue'),
        meta: { title: '教育统计', roles: rolesOf('/education/statistics') },
      },
      {
        path: 'school',
        name: 'school',
        component: () => import('./pages/education/SchoolPage.vue'),
        meta: { title: '本校学生', roles: ['school_staff', 'education'] },
      },
      {
        path: 'caring/families',
        name: 'caring-families',
        component: () => import('./pages/caring/CaringFamiliesPage.vue'),
        meta: { title: '爱心家庭', roles: rolesOf('/caring/families') },
      },
      {
        path: 'caring/donations',
        name: 'caring-donations',
        component: () => import('./pages/caring/DonationsPage.vue'),
        meta: { title: '爱心捐赠', roles: rolesOf('/caring/donations') },
      },
      {
        path: 'caring/needs',
        name: 'caring-needs',
        component: () => import('./pages/caring/NeedsPage.vue'),
        meta: { title: '需求与资源', roles: rolesOf('/caring/needs') },
      },
      {
        path: 'me/volunteer',
        name: 'my-volunteer',
        component: () => import('./pages/volunteer/MyVolunteerPage.vue'),
        meta: { title: '我的志愿服务', roles: rolesOf('/me/volunteer') },
      },
      {
        path: 'volunteers',
        name: 'volunteers',
        component: () => import('./pages/volunteers/VolunteersPage.vue'),
        meta: { title: '志愿者', roles: rolesOf('/volunteers') },
      },
      {
        path: 'volunteers/activities',
        name: 'volunteer-activities',
        component: () => import('./pages/volunteers/ActivitiesPage.vue'),
        meta: { title: '志愿活动', roles: rolesOf('/volunteers/activities') },
      },
      {
        path: 'volunteers/:id',
        name: 'volunteer',
        component: () => import('./pages/volunteers/VolunteerPage.vue'),
        props: true,
        meta: { title: '志愿者详情', roles: rolesOf('/volunteers') },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('./pages/NotFoundPage.vue'),
        meta: { title: '页面不存在' },
      },
    ],
  },
]

export function createConsoleRouter() {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior(to) {
      return to.hash ? { el: to.hash } : { top: 0 }
    },
  })
  router.beforeEach(async (to) => {
    if (to.meta.public) return true
    if (await accessToken()) return true
    await signIn(to.fullPath) // off to the realm's login page
    return false
  })
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · 守护` : '守护 · 儿童关爱保护平台'
  })
  return router
}
