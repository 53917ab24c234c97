// The payments page's pure logic: the month's check (benefits' own rule), a batch's totals as a
// table of towns by programme with sums, in fen as integers (BigInt: a month of the district
// passes 2^31 fen).
import type { PayBatchQuery } from '../../gql/graphql'
import { formatYuan, yuanToFen } from '../../lib/format'

export type PaymentBatchDetail = NonNullable<PayBatchQuery['paymentBatch']>
export type PaymentTotal = PaymentBatchDetail['totals'][number]

/** The first month a batch may be run for (benefits' `FIRST_MONTH`). */
export const FIRST_MONTH = '2017-01'

/** Today's month ("2026-11") from a day ("2026-11-30"). */
export function monthOf(day: string): string {
  return day.slice(0, 7)
}

/** The month's fault in benefits' words, or '' when it may be run. */
export function checkMonth(month: string | null | undefined, current: string): string {
  if (!month) return '请选择月份'
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return '月份格式应为 YYYY-MM，如 2026-11'
  if (month < FIRST_MONTH || month > current) {
    return `只能为${FIRST_MONTH}至本月（${current}）之间的月份生成发放批次`
  }
  return ''
}

function fen(value: number | string): bigint {
  return typeof value === 'number' ? BigInt(Math.trunc(value)) : BigInt(value)
}

export interface Cell {
  lineCount: number
  totalFen: bigint
}

export interface TotalsRow {
  townCode: string
  townName: string
  /** By programme code; absent where the town had none of it. */
  cells: Record<string, Cell>
  lineCount: number
  totalFen: bigint
}

export interface TotalsTable {
  /** The programmes that have a total, in the order given (the programmes list's). */
  programmes: string[]
  rows: TotalsRow[]
  whole: TotalsRow
}

/** One town's total of one programme: a payment batch's, or an aid semester's ledger's. */
export interface TotalLike {
  townCode: string
  townName: string
  programme: string
  lineCount: number
  totalFen: PaymentTotal['totalFen']
}

/** A batch's totals (one per town and programme) as towns by programme, with the sums. */
export function totalsTable(totals: readonly TotalLike[], order: readonly string[] = []): TotalsTable {
  const towns = new Map<string, TotalsRow>()
  const whole: TotalsRow = { townCode: '', townName: '合计', cells: {}, lineCount: 0, totalFen: 0n }
  for (const t of totals) {
    let row = towns.get(t.townCode)
    if (!row) {
      row = { townCode: t.townCode, townName: t.townName, cells: {}, lineCount: 0, totalFen: 0n }
      towns.set(t.townCode, row)
    }
    const amount = fen(t.totalFen)
    for (const target of [row, whole]) {
      const cell = (target.cells[t.programme] ??= { lineCount: 0, totalFen: 0n })
      cell.lineCount += t.lineCount
      cell.totalFen += amount
      target.lineCount += t.lineCount
      target.totalFen += amount
    }
  }
  const present = new Set(Object.keys(whole.cells))
  const programmes = [
    ...order.filter((p) => present.has(p)),
    ...[...present].filter((p) => !order.includes(p)).sort(),
  ]
  const rows = [...towns.values()].sort((a, b) => a.townCode.localeCompare(b.townCode))
  return { programmes, rows, whole }
}

/** The first year a standard may be set for (benefits' `FIRST_YEAR`). */
export const FIRST_YEAR = 2017
/** The highest monthly standard (benefits' `MAX_MONTHLY_FEN`): above is a typing slip. */
export const MAX_MONTHLY_FEN = 10_000_000

/** The years a standard may be set for: 2017 to next year, newest first. */
export function standardYears(thisYear: number): number[] {
  const years: number[] = []
  for (let y = thisYear + 1; y >= FIRST_YEAR; y -= 1) years.push(y)
  return years
}

/** A standard as typed (yuan) checked as benefits checks it: the fen, or the faults by field. */
export function checkStandard(
  year: number | null,
  amount: string,
  thisYear: number,
): { fen: number | null; faults: Record<string, string> } {
  const faults: Record<string, string> = {}
  if (year == null || !Number.isInteger(year) || year < FIRST_YEAR || year > thisYear + 1) {
    faults.year = `年度应在${FIRST_YEAR}年至${thisYear + 1}年之间`
  }
  const fen = amount.trim() ? yuanToFen(amount) : null
  if (fen === null) faults.monthlyAmountFen = '请填写金额（元），如 1800 或 1800.50'
  else if (fen < 0 || fen > MAX_MONTHLY_FEN) {
    faults.monthlyAmountFen = `月标准应在0至${formatYuan(MAX_MONTHLY_FEN)}之间`
  }
  return { fen: Object.keys(faults).length ? null : fen, faults }
}
