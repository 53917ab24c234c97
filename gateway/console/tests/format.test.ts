import { describe, expect, it } from 'vitest'

import { fenToYuan, formatDate, formatDateTime, formatMonth, formatYuan, todayInDistrict, yuanToFen } from '../src/lib/format'

describe('dates as the console writes them', () => {
  it('writes a calendar date as 2026年11月30日, without moving it across time zones', () => {
    expect(formatDate('2026-11-30')).toBe('2026年11月30日')
    expect(formatDate('2026-01-05')).toBe('2026年1月5日')
    expect(formatMonth('2026-03')).toBe('2026年3月')
    expect(formatMonth(null)).toBe('')
  })

  it('tells a moment by its day in Beijing', () => {
    // 16:30 UTC on the 30th is half past midnight on 1 December in Beijing.
    expect(formatDate('2026-11-30T16:30:00+00:00')).toBe('2026年12月1日')
    expect(formatDate('2026-11-30T15:59:00Z')).toBe('2026年11月30日')
    expect(formatDateTime('2026-11-30T06:05:00+00:00')).toBe('2026年11月30日 14:05')
    expect(formatDateTime('2026-11-30T16:00:00+00:00')).toBe('2026年12月1日 00:00')
  })

  it('writes nothing for nothing, and leaves what is no date as it is', () => {
    expect(formatDate(null)).toBe('')
    expect(formatDate(undefined)).toBe('')
    expect(formatDate('')).toBe('')
    expect(formatDate('not a date')).toBe('not a date')
  })

  it("knows today's date in the district", () => {
    expect(todayInDistrict(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01')
    expect(todayInDistrict(new Date('2026-11-30T01:00:00Z'))).toBe('2026-11-30')
  })
})

describe('money from fen', () => {
  it('shows yuan with two decimals and grouped thousands', () => {
    expect(formatYuan(123456)).toBe('1,234.56 元')
    expect(formatYuan(150000)).toBe('1,500.00 元')
    expect(formatYuan(5)).toBe('0.05 元')
    expect(formatYuan(0)).toBe('0.00 元')
    expect(formatYuan(-2050)).toBe('-20.50 元')
    expect(formatYuan('123456789012345678')).toBe('1,234,567,890,123,456.78 元')
    expect(formatYuan(123456789012345678n)).toBe('1,234,567,890,123,456.78 元')
  })

  it('never goes through a float', () => {
    // 0.1 + 0.2 style errors would show here: 1,000,000.07 yuan exactly.
    expect(formatYuan(100000007)).toBe('1,000,000.07 元')
    expect(fenToYuan(19)).toBe('0.19')
    expect(fenToYuan(-1)).toBe('-0.01')
  })

  it('shows nothing for nothing or for what is no whole number of fen', () => {
    expect(formatYuan(null)).toBe('')
    expect(formatYuan(undefined)).toBe('')
    expect(formatYuan(1.5)).toBe('')
    expect(formatYuan('12.3')).toBe('')
  })

  it('reads what a person typed in yuan as fen', () => {
    expect(yuanToFen('1234.5')).toBe(123450)
    expect(yuanToFen('1,234.56')).toBe(123456)
    expect(yuanToFen(' 1500 元')).toBe(150000)
    expect(yuanToFen('0.07')).toBe(7)
    expect(yuanToFen('-3')).toBe(-300)
    expect(yuanToFen('1.234')).toBeNull()
    expect(yuanToFen('abc')).toBeNull()
    expect(yuanToFen('')).toBeNull()
  })
})
