import { describe, expect, it } from 'vitest'

import { formatYuan } from '../src/lib/format'
import { checkMonth, checkStandard, monthOf, standardYears, totalsTable } from '../src/pages/payments/payments'

describe('the month of a batch', () => {
  it('is checked as benefits checks it: 2017-01 to this month', () => {
    expect(monthOf('2026-11-30')).toBe('2026-11')
    expect(checkMonth('2026-11', '2026-11')).toBe('')
    expect(checkMonth('2017-01', '2026-11')).toBe('')
    expect(checkMonth('2026-12', '2026-11')).toBe('只能为2017-01至本月（2026-11）之间的月份生成发放批次')
    expect(checkMonth('2016-12', '2026-11')).toBe('只能为2017-01至本月（2026-11）之间的月份生成发放批次')
    expect(checkMonth('2026-13', '2026-11')).toBe('月份格式应为 YYYY-MM，如 2026-11')
    expect(checkMonth('', '2026-11')).toBe('请选择月份')
  })
})

describe("a batch's totals", () => {
  const totals = [
    { townCode: '110109101', townName: '潭柘寺镇', programme: 'HARDSHIP_LIVING_ALLOWANCE' as const, lineCount: 2, totalFen: 360000 },
    { townCode: '110109001', townName: '大峪街道', programme: 'HARDSHIP_LIVING_ALLOWANCE' as const, lineCount: 2, totalFen: 360000 },
    { townCode: '110109001', townName: '大峪街道', programme: 'DESTITUTE_SUPPORT' as const, lineCount: 1, totalFen: '200000' },
  ]

  it('are towns by programme, in the programmes order, with sums', () => {
    const table = totalsTable(totals, ['HARDSHIP_LIVING_ALLOWANCE', 'DISABILITY_TWO_SUBSIDIES', 'DESTITUTE_SUPPORT'])
    expect(table.programmes).toEqual(['HARDSHIP_LIVING_ALLOWANCE', 'DESTITUTE_SUPPORT'])
    expect(table.rows.map((r) => r.townName)).toEqual(['大峪街道', '潭柘寺镇'])
    expect(table.rows[0].lineCount).toBe(3)
    expect(formatYuan(table.rows[0].totalFen)).toBe('5,600.00 元')
    expect(table.rows[1].cells.DESTITUTE_SUPPORT).toBeUndefined()
    expect(table.whole.townName).toBe('合计')
    expect(table.whole.cells.HARDSHIP_LIVING_ALLOWANCE).toEqual({ lineCount: 4, totalFen: 720000n })
    expect(formatYuan(table.whole.totalFen)).toBe('9,200.00 元')
  })

  it('add up past 2^53 fen without losing a fen', () => {
    const big = '9007199254740993'
    const table = totalsTable([
      { townCode: '1', townName: 'A', programme: 'DESTITUTE_SUPPORT', lineCount: 1, totalFen: big },
      { townCode: '2', townName: 'B', programme: 'DESTITUTE_SUPPORT', lineCount: 1, totalFen: 1 },
    ])
    expect(table.whole.totalFen).toBe(9007199254740994n)
  })
})

describe('a standard as typed', () => {
  it('is yuan sent as fen, checked as benefits checks it', () => {
    expect(checkStandard(2026, '1,800.5', 2026)).toEqual({ fen: 180050, faults: {} })
    expect(checkStandard(2027, '0', 2026)).toEqual({ fen: 0, faults: {} })
    expect(checkStandard(2028, '100', 2026).faults).toEqual({ year: '年度应在2017年至2027年之间' })
    expect(checkStandard(2026, '100000.01', 2026).faults).toEqual({
      monthlyAmountFen: '月标准应在0至100,000.00 元之间',
    })
    expect(checkStandard(2026, '一千', 2026).faults.monthlyAmountFen).toBe('请填写金额（元），如 1800 或 1800.50')
    expect(checkStandard(2026, '-1', 2026).faults.monthlyAmountFen).toBe('月标准应在0至100,000.00 元之间')
  })

  it('may be set for 2017 to next year', () => {
    const years = standardYears(2026)
    expect(years[0]).toBe(2027)
    expect(years[years.length - 1]).toBe(2017)
  })
})
