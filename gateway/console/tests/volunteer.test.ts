import { describe, expect, it } from 'vitest'

import {
  checkVisit,
  emptyVisit,
  hoursByStatus,
  hoursText,
  hoursToNextStar,
  starSentence,
  visitHours,
  visitHoursNote,
} from '../src/pages/volunteer/volunteer'

describe("a volunteer's stars", () => {
  it('counts the hours to the next star from what the API serves, not thresholds of its own', () => {
    expect(hoursToNextStar(99, 100)).toBe(1)
    expect(hoursToNextStar(100, 300)).toBe(200)
    expect(hoursToNextStar(12.345, 100)).toBe(87.66)
    // A district that moved its first star to 80 hours: the console follows the API.
    expect(hoursToNextStar(50, 80)).toBe(30)
    expect(hoursToNextStar(1600, null)).toBeNull()
  })

  it('says the level and how far the next one is', () => {
    expect(starSentence(0, 99, 100)).toBe('尚未评定星级，再服务1小时可评为1星')
    expect(starSentence(1, 100, 300)).toBe('1星志愿者，再服务200小时可评为2星')
    expect(starSentence(5, 1500, null)).toBe('5星志愿者，已达到最高星级')
  })

  it('shows hours with at most two decimals', () => {
    expect(hoursText(1.5)).toBe('1.5小时')
    expect(hoursText(2)).toBe('2小时')
    expect(hoursText(1 / 3)).toBe('0.33小时')
  })

  it('adds its hours by status', () => {
    const rows = [
      { hours: 2, status: 'APPROVED' },
      { hours: 1.25, status: 'RECORDED' },
      { hours: 0.5, status: 'RECORDED' },
      { hours: 3, status: 'REJECTED' },
    ]
    expect(hoursByStatus(rows)).toEqual({ approved: 2, waiting: 1.75, rejected: 3 })
    expect(hoursByStatus([])).toEqual({ approved: 0, waiting: 0, rejected: 0 })
  })
})

describe('a pairing visit with its hours', () => {
  const today = '2026-12-01'

  it('is checked as the API checks it', () => {
    expect(checkVisit(emptyVisit(today), today, '2026-11-01')).toEqual({})
    expect(checkVisit({ ...emptyVisit(today), visitedOn: '2026-12-02' }, today, '2026-11-01')).toEqual({
      visitedOn: '走访日期不能晚于今天',
    })
    expect(checkVisit({ ...emptyVisit(today), visitedOn: '2026-10-31' }, today, '2026-11-01')).toEqual({
      visitedOn: '走访日期不能早于结对开始日期',
    })
    expect(checkVisit({ ...emptyVisit(today), minutes: 0 }, today, '2026-11-01')).toEqual({
      minutes: '时长应在1到1440分钟之间',
    })
    expect(checkVisit({ ...emptyVisit(today), minutes: null }, today, '2026-11-01').minutes).toBeTruthy()
    expect(checkVisit({ ...emptyVisit(today), note: 'x'.repeat(501) }, today, '2026-11-01')).toEqual({
      note: '备注最多500字',
    })
  })

  it('records its minutes as hours, noted as a pairing visit', () => {
    expect(visitHours(90)).toBe(1.5)
    expect(visitHours(50)).toBe(0.83)
    expect(visitHoursNote('  ')).toBe('结对帮扶走访')
    expect(visitHoursNote(' 辅导数学 ')).toBe('结对帮扶走访：辅导数学')
    expect(visitHoursNote('x'.repeat(600))).toHaveLength(500)
  })
})
