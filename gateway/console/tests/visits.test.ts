import { describe, expect, it } from 'vitest'

import { addDays, checkVisit, defaultNextDue, emptyVisit, intervalOf } from '../src/pages/visits/visits'

const policy = [
  { primaryCategory: 'HARDSHIP', intervalDays: 30 },
  { primaryCategory: 'LEFT_BEHIND', intervalDays: 90 },
]

describe('a visit, as the registry checks it', () => {
  const good = { ...emptyVisit('2026-11-30'), seen: '祖母', findings: '生活正常' }

  it('takes a visit today, the next one from the interval', () => {
    expect(checkVisit(good, '2026-11-30', '2016-03-14', 30)).toEqual({})
    expect(defaultNextDue('2026-11-30', intervalOf(policy, 'LEFT_BEHIND'))).toBe('2027-02-28')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
  })
  it('refuses a visit in the future or before the birth, and empty texts', () => {
    expect(checkVisit({ ...good, visitedOn: '2026-12-01' }, '2026-11-30', null, 30)).toEqual({
      visitedOn: '走访日期不能晚于今天',
    })
    expect(checkVisit({ ...good, visitedOn: '2016-03-13' }, '2026-11-30', '2016-03-14', 30)).toEqual({
      visitedOn: '走访日期不能早于儿童出生日期',
    })
    expect(checkVisit({ ...good, seen: ' ', findings: '' }, '2026-11-30', null, 30)).toEqual({
      seen: '走访对象不能为空',
      findings: '走访情况不能为空',
    })
  })
  it('wants a next visit not before this one, and one at all without an interval', () => {
    expect(checkVisit({ ...good, nextDue: '2026-11-29' }, '2026-11-30', null, 30)).toEqual({
      nextDue: '下次走访日期不能早于走访日期',
    })
    expect(intervalOf(policy, 'NONE')).toBeNull()
    expect(checkVisit(good, '2026-11-30', null, null).nextDue).toContain('请填写下次走访日期')
  })
})
