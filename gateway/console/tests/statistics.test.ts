import { describe, expect, it } from 'vitest'

import {
  categoryRows,
  checkPeriod,
  days,
  defaultPeriod,
  hours,
  presetPeriod,
  shown,
  stepRow,
  trendRows,
} from '../src/pages/statistics/statistics'

const counts = (code: string, name: string, total: number | null, suppressed: string[] = []) => ({
  divisionCode: code,
  divisionName: name,
  total,
  leftBehind: total === null ? null : 2,
  suppressed,
  byPrimaryCategory: [
    { key: 'HARDSHIP', count: total === null ? null : 3, shown: total === null ? '<5' : '3' },
    { key: 'LEFT_BEHIND', count: 1, shown: '1' },
    { key: 'NONE', count: 0, shown: '0' },
  ],
})

describe('the period', () => {
  it('is by default the twelve months of the trend up to today', () => {
    expect(defaultPeriod('2026-11-30')).toEqual({ from: '2025-12-01', to: '2026-11-30' })
    expect(defaultPeriod('2026-03-05')).toEqual({ from: '2025-04-01', to: '2026-03-05' })
  })

  it('has shortcuts: this month, quarter and year', () => {
    expect(presetPeriod('month', '2026-11-30')).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(presetPeriod('quarter', '2026-11-30')).toEqual({ from: '2026-10-01', to: '2026-11-30' })
    expect(presetPeriod('year', '2026-11-30')).toEqual({ from: '2026-01-01', to: '2026-11-30' })
  })

  it("is checked as the registry checks it, in the registry's words", () => {
    const today = '2026-11-30'
    expect(checkPeriod({ from: '2026-01-01', to: '2026-11-30' }, today)).toEqual({})
    expect(checkPeriod({ from: '2026-11-02', to: '2026-11-01' }, today)).toEqual({ to: '结束日期不能早于开始日期' })
    expect(checkPeriod({ from: '2010-01-01', to: '2026-11-01' }, today)).toEqual({ to: '统计期间不能超过十年' })
    expect(checkPeriod({ from: '2026-11-01', to: '2026-12-01' }, today)).toEqual({ to: '统计日期不能晚于今天' })
    expect(checkPeriod({ from: '', to: '' }, today)).toEqual({ from: '请选择开始日期', to: '请选择结束日期' })
  })
})

describe("the children's figures", () => {
  it('are rows per division and the whole, suppressed cells as <5', () => {
    const { rows, whole } = categoryRows({
      divisionCode: '110109',
      asOf: '2026-11-30',
      counts: counts('110109', '门头沟区', 10),
      children: [counts('110109001', '大峪街道', 10), counts('110109002', '城子街道', null, ['total', 'leftBehind'])],
      trend: [],
    })
    expect(whole).toMatchObject({ name: '门头沟区', total: '10', leftBehind: '2' })
    expect(whole.byCategory).toEqual({ HARDSHIP: '3', LEFT_BEHIND: '1', NONE: '0' })
    expect(rows[1]).toMatchObject({ name: '城子街道', total: '<5', leftBehind: '<5' })
    expect(rows[1].counts.HARDSHIP).toBeNull()
  })

  it('give the trend by month with its labels', () => {
    const rows = trendRows([
      { month: '2026-01', on: '2026-01-31', total: 7, hardship: 4, leftBehind: 3, none: 0, suppressed: [] },
      { month: '2026-02', on: '2026-02-28', total: null, hardship: null, leftBehind: 1, none: 0, suppressed: ['total', 'hardship'] },
    ])
    expect(rows.map((r) => r.label)).toEqual(['2026年1月', '2026年2月'])
    expect(rows[0]).toMatchObject({ total: '7', hardship: '4', leftBehind: '3', none: '0' })
    expect(rows[1]).toMatchObject({ total: '<5', hardship: '<5', leftBehind: '1' })
  })

  it('show a missing cell that was not suppressed as a dash', () => {
    expect(shown(null, 'total', [])).toBe('—')
    expect(shown(0, 'total', ['total'])).toBe('0')
  })
})

describe('times', () => {
  it('are hours and days with one decimal, a dash for none', () => {
    expect(hours(1.25)).toBe('1.3 小时')
    expect(hours(24)).toBe('24 小时')
    expect(hours(null)).toBe('—')
    expect(days(3.04)).toBe('3 天')
    expect(days(undefined)).toBe('—')
  })

  it("make a case group's row by step", () => {
    const row = stepRow({
      code: '110109001',
      name: '大峪街道',
      reports: 2,
      steps: [
        {
          step: 'REPORTED_TO_ACCEPTED',
          name: '报告至受理',
          limitHours: 2,
          urgentLimitHours: 1,
          ended: 2,
          medianHours: 0.5,
          worstHours: 3,
          late: 1,
        },
      ],
    })
    expect(row.steps.REPORTED_TO_ACCEPTED).toEqual({ median: '0.5 小时', worst: '3 小时', late: 1, ended: 2 })
  })
})
