import { describe, expect, it } from 'vitest'

import { NAV } from '../src/lib/roles'
import {
  STATISTICS_READERS,
  checkPlacement,
  checkPlan,
  checkSession,
  emptyPlacement,
  enrolmentRate,
  missingDocuments,
  monthName,
  monthProgress,
  previousMonth,
  providedCodes,
  rosterFileProblem,
  rosterOutcome,
  rosterUnlisted,
  sideBySide,
} from '../src/pages/education/inclusion'

const TODAY = '2026-12-01'
const report = {
  importId: '1',
  mode: 'VALID_ROWS',
  totalRows: 2,
  enrolledRows: 1,
  transferredRows: 0,
  unchangedRows: 0,
  unmatchedRows: 1,
  rejectedRows: 0,
  errorCount: 1,
  errors: [{ row: 3, column: '身份证号', message: '未在本区登记（姓名：王五）' }],
  duplicateOfEarlierImport: false,
}

describe('a roster', () => {
  it('takes an XLSX or CSV of at most 20 MB', () => {
    expect(rosterFileProblem(null)).toBe('请选择花名册文件')
    expect(rosterFileProblem({ name: '花名册.pdf', size: 10 })).toContain('XLSX 或 CSV')
    expect(rosterFileProblem({ name: '花名册.csv', size: 0 })).toContain('空')
    expect(rosterFileProblem({ name: '花名册.XLSX', size: 21 * 1024 * 1024 })).toContain('20MB')
    expect(rosterFileProblem({ name: '花名册.csv', size: 100 })).toBeNull()
  })

  it('says the outcome first: imported with rows left, refused whole, a file sent twice, all good', () => {
    expect(rosterOutcome(report)).toEqual({
      type: 'warning',
      text: '已导入：新登记学籍 1 人，转入 0 人，已在本校（未变）0 人；1 行未匹配或有误未导入，见下表。',
    })
    expect(rosterOutcome({ ...report, importId: null, mode: 'ALL_OR_NOTHING' }).type).toBe('error')
    expect(rosterOutcome({ ...report, duplicateOfEarlierImport: true }).text).toContain('此前已为本校导入过')
    const clean = { ...report, unmatchedRows: 0, errorCount: 0, errors: [], totalRows: 1 }
    expect(rosterOutcome(clean)).toEqual({
      type: 'success',
      text: '导入完成：共 1 行，新登记学籍 1 人，转入 0 人，已在本校（未变）0 人。',
    })
  })

  it('counts the errors the API did not list', () => {
    expect(rosterUnlisted(report)).toBe(0)
    expect(rosterUnlisted({ ...report, errorCount: 1500 })).toBe(1499)
  })
})

describe('a placement', () => {
  const special = { kind: 'SPECIAL_EDUCATION', name: '区特殊教育学校' }
  const primary = { kind: 'PUBLIC', name: '大峪中心小学' }

  it('needs a kind, a school, an assessment not after its first day, a summary', () => {
    const empty = { ...emptyPlacement(TODAY), by: '' }
    expect(Object.keys(checkPlacement(empty, undefined, '2016-05-01', TODAY, null)).sort()).toEqual(
      ['assessment.by', 'assessment.summary', 'kind', 'schoolCode'].sort(),
    )
    const form = { ...emptyPlacement(TODAY), kind: 'HOME_TEACHING', schoolCode: 'x', summary: '重度肢体残疾' }
    expect(checkPlacement(form, primary, '2016-05-01', TODAY, null)).toEqual({})
    expect(checkPlacement({ ...form, on: '2026-12-01', since: '2026-11-30' }, primary, '2016-05-01', TODAY, null)).toEqual({
      'assessment.on': '评估日期不能晚于安置日期',
    })
  })

  it('puts a SPECIAL_SCHOOL placement at a special school only, and not before the current one', () => {
    const form = { ...emptyPlacement(TODAY), kind: 'SPECIAL_SCHOOL', schoolCode: 'x', summary: '评估意见' }
    expect(checkPlacement(form, primary, '2016-05-01', TODAY, null).schoolCode).toBe('大峪中心小学不是特殊教育学校')
    expect(checkPlacement(form, special, '2016-05-01', TODAY, null)).toEqual({})
    const early = { ...form, on: '2026-10-01', since: '2026-10-01' }
    expect(checkPlacement(early, special, '2016-05-01', TODAY, '2026-11-01').since).toContain('不能早于现行安置')
    expect(checkPlacement({ ...form, since: '2026-12-02' }, special, '2016-05-01', TODAY, null).since).toBe('安置日期不能晚于今天')
  })
})

describe('home teaching', () => {
  const plan = { teacherName: '李老师', teacherUsername: '', schoolCode: '', sessionsPerMonth: 4, minHours: 2, since: TODAY }

  it("keeps a plan within the district's bounds", () => {
    expect(checkPlan(plan, TODAY, '2026-11-01')).toEqual({})
    expect(checkPlan({ ...plan, teacherName: ' ' }, TODAY, '2026-11-01').teacherName).toBeDefined()
    expect(checkPlan({ ...plan, sessionsPerMonth: 1 }, TODAY, '2026-11-01').sessionsPerMonth).toBe('每月送教次数应为2至12次')
    expect(checkPlan({ ...plan, minHours: 5 }, TODAY, '2026-11-01').minHours).toBe('每次送教时长应为1至4小时')
    expect(checkPlan({ ...plan, since: '2026-10-01' }, TODAY, '2026-11-01').since).toBe('送教开始日期不能早于送教上门安置日期')
  })

  it('logs one session a day, not in the future nor before the plan, 6 hours at most, with content', () => {
    const s = { on: '2026-11-20', hours: 2, content: '生活自理训练' }
    expect(checkSession(s, TODAY, '2026-11-01', [])).toEqual({})
    expect(checkSession(s, TODAY, '2026-11-01', ['2026-11-20']).on).toBe('该日已记录送教，请勿重复记录')
    expect(checkSession({ ...s, on: '2026-12-02' }, TODAY, '2026-11-01', []).on).toBe('送教日期不能晚于今天')
    expect(checkSession({ ...s, on: '2026-10-31' }, TODAY, '2026-11-01', []).on).toContain('不能早于送教计划开始日期')
    expect(checkSession({ ...s, hours: 0 }, TODAY, '2026-11-01', []).hours).toBe('送教时长应大于0且不超过6小时')
    expect(checkSession({ ...s, hours: 6.5 }, TODAY, '2026-11-01', []).hours).toBeDefined()
    expect(checkSession({ ...s, content: '  ' }, TODAY, '2026-11-01', []).content).toBe('请填写送教内容')
  })

  it("shows this month against the schedule, short in red, and a month's name", () => {
    expect(monthProgress({ heldThisMonth: 1, sessionsPerMonth: 4 })).toEqual({ text: '1/4次', short: true })
    expect(monthProgress({ heldThisMonth: 4, sessionsPerMonth: 4 }).short).toBe(false)
    expect(monthName('2026-11')).toBe('2026年11月')
    expect(monthName('bad')).toBe('bad')
    expect(previousMonth('2026-12-01')).toBe('2026-11')
    expect(previousMonth('2027-01-31')).toBe('2026-12')
  })
})

describe('non-Beijing documents', () => {
  const docs = [
    { code: 'RESIDENCE_PERMIT', required: true, provided: true },
    { code: 'HOUSEHOLD_REGISTER', required: true, provided: false },
    { code: 'SOCIAL_INSURANCE', required: false, provided: true },
  ]

  it('ticks what was provided and tells what is still missing', () => {
    expect(providedCodes(docs)).toEqual(['RESIDENCE_PERMIT', 'SOCIAL_INSURANCE'])
    expect(missingDocuments(docs, providedCodes(docs)).map((d) => d.code)).toEqual(['HOUSEHOLD_REGISTER'])
    expect(missingDocuments(docs, ['RESIDENCE_PERMIT', 'HOUSEHOLD_REGISTER'])).toEqual([])
  })
})

describe('education statistics', () => {
  const figures = (n: number) => ({
    children: 10 * n,
    compulsoryAge: 8 * n,
    compulsoryAgeEnrolled: 7 * n,
    enrolled: 9 * n,
    openDropoutRisks: n,
    homeTeaching: 0,
    byStage: [
      { stage: 'PRIMARY', enrolled: 5 * n },
      { stage: 'JUNIOR_SECONDARY', enrolled: 4 * n },
    ],
  })

  it('puts all children and the non-Beijing side by side, each stage, then the rate', () => {
    const rows = sideBySide(figures(10), { ...figures(1), byStage: [{ stage: 'PRIMARY', enrolled: 5 }] }, (s) =>
      s === 'PRIMARY' ? '小学' : '初中',
    )
    expect(rows[0]).toEqual({ name: '儿童数', all: '100', nonBeijing: '10' })
    expect(rows.find((r) => r.name === '在籍：初中')).toEqual({ name: '在籍：初中', all: '40', nonBeijing: '0' })
    expect(rows[rows.length - 1]).toEqual({ name: '适龄儿童在籍率', all: '87.5%', nonBeijing: '87.5%' })
  })

  it('has no rate without compulsory-age children', () => {
    expect(enrolmentRate({ ...figures(0) })).toBe('—')
  })

  it("is in the menu of every role the API answers (STATISTICS_ROLES), the auditor's too", () => {
    const item = NAV.find((n) => n.path === '/education/statistics')
    expect([...(item?.roles ?? [])].sort()).toEqual([...STATISTICS_READERS].sort())
  })
})
