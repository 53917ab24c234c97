// The statistics page's pure logic: the period and its checks (the registry's own rules), the
// children's figures as table rows and chart series, hours and days as the page shows them.
import type {
  StatsCaseFiguresFragment,
  StatsChildrenQuery,
  StatsDivisionCountsFragment,
} from '../../gql/graphql'
import { formatMonth } from '../../lib/format'

export interface Period {
  from: string
  to: string
}

/** The registry's longest period (statistics/service.py `LONGEST_PERIOD_DAYS`). */
export const LONGEST_PERIOD_DAYS = 3660

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

function dayNumber(value: string): number | null {
  const m = DAY.exec(value)
  if (!m) return null
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3])
  return Number.isNaN(t) ? null : t / 86_400_000
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The twelve months up to today, the trend's months: from the first day of the month eleven
 * months back to today. */
export function defaultPeriod(today: string): Period {
  const m = DAY.exec(today)
  if (!m) return { from: today, to: today }
  let year = +m[1]
  let month = +m[2] - 11
  if (month < 1) {
    month += 12
    year -= 1
  }
  return { from: iso(year, month, 1), to: today }
}

/** Shortcuts of the period picker. */
export function presetPeriod(preset: 'month' | 'quarter' | 'year' | 'twelve', today: string): Period {
  const m = DAY.exec(today)
  if (!m) return { from: today, to: today }
  const year = +m[1]
  const month = +m[2]
  if (preset === 'month') return { from: iso(year, month, 1), to: today }
  if (preset === 'quarter') return { from: iso(year, Math.floor((month - 1) / 3) * 3 + 1, 1), to: today }
  if (preset === 'year') return { from: iso(year, 1, 1), to: today }
  return defaultPeriod(today)
}

/** The period's faults by field, in the registry's words (`from`, `to`): nothing when good. The
 * end is also the day the children are counted on (`asOf`), which may not be after today. */
export function checkPeriod(period: Period, today: string): Record<string, string> {
  const faults: Record<string, string> = {}
  const from = dayNumber(period.from)
  const to = dayNumber(period.to)
  if (from === null) faults.from = '请选择开始日期'
  if (to === null) faults.to = '请选择结束日期'
  if (from === null || to === null) return faults
  if (to < from) faults.to = '结束日期不能早于开始日期'
  else if (to - from > LONGEST_PERIOD_DAYS) faults.to = '统计期间不能超过十年'
  else if (period.to > today) faults.to = '统计日期不能晚于今天'
  return faults
}

/** A cell as the page shows it: the number, `<5` where the registry suppressed it, or —. */
export function shown(value: number | null | undefined, key: string, suppressed: readonly string[]): string {
  if (value != null) return String(value)
  return suppressed.includes(key) ? '<5' : '—'
}

export const CATEGORIES = ['HARDSHIP', 'LEFT_BEHIND', 'NONE'] as const
export type Category = (typeof CATEGORIES)[number]

export interface CategoryRow {
  code: string
  name: string
  total: string
  /** Shown counts by primary category (困境, 留守, 其他). */
  byCategory: Record<Category, string>
  /** For the chart: the counts, null where suppressed. */
  counts: Record<Category, number | null>
  leftBehind: string
}

function categoryRow(d: StatsDivisionCountsFragment): CategoryRow {
  const byCategory = {} as Record<Category, string>
  const counts = {} as Record<Category, number | null>
  for (const c of CATEGORIES) {
    const found = d.byPrimaryCategory.find((x) => x.key === c)
    byCategory[c] = found?.shown ?? '0'
    counts[c] = found ? found.count : 0
  }
  return {
    code: d.divisionCode,
    name: d.divisionName,
    total: shown(d.total, 'total', d.suppressed),
    byCategory,
    counts,
    leftBehind: shown(d.leftBehind, 'leftBehind', d.suppressed),
  }
}

/** The rows of the per-division table: each division below, then the whole as 合计. */
export function categoryRows(stats: StatsChildrenQuery['childStatistics']): {
  rows: CategoryRow[]
  whole: CategoryRow
} {
  return { rows: stats.children.map(categoryRow), whole: categoryRow(stats.counts) }
}

export interface TrendRow {
  month: string
  label: string
  on: string
  total: string
  hardship: string
  leftBehind: string
  none: string
}

/** The trend's table rows (oldest first) and its series for the chart (null where suppressed). */
export function trendRows(trend: StatsChildrenQuery['childStatistics']['trend']): TrendRow[] {
  return trend.map((p) => ({
    month: p.month,
    label: formatMonth(p.month),
    on: p.on,
    total: shown(p.total, 'total', p.suppressed),
    hardship: shown(p.hardship, 'hardship', p.suppressed),
    leftBehind: shown(p.leftBehind, 'leftBehind', p.suppressed),
    none: shown(p.none, 'none', p.suppressed),
  }))
}

/** Hours as the page shows them: 1.5 小时; — for none. */
export function hours(value: number | null | undefined): string {
  if (value == null) return '—'
  return `${Number(value.toFixed(1))} 小时`
}

/** Days as the page shows them: 3.5 天; — for none. */
export function days(value: number | null | undefined): string {
  if (value == null) return '—'
  return `${Number(value.toFixed(1))} 天`
}

export interface StepRow {
  code: string
  name: string
  reports: number
  /** Per step: median, worst, late, ended, by the step's code. */
  steps: Record<string, { median: string; worst: string; late: number; ended: number }>
}

/** A group's figures (a town, a reporter) as a row of the cases' tables. */
export function stepRow(f: StatsCaseFiguresFragment): StepRow {
  const steps: StepRow['steps'] = {}
  for (const s of f.steps) {
    steps[s.step] = { median: hours(s.medianHours), worst: hours(s.worstHours), late: s.late, ended: s.ended }
  }
  return { code: f.code, name: f.name, reports: f.reports, steps }
}
