// Dates and money as the console shows them: 2026年11月30日, 1,234.50 元.
// Dates are the district's (Beijing); money is integer fen from the API, never a float.

export const DISTRICT_TIME_ZONE = 'Asia/Shanghai'

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/

const parts = new Intl.DateTimeFormat('zh-CN', {
  timeZone: DISTRICT_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

interface DayParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

function dayParts(value: string | Date): DayParts | null {
  if (typeof value === 'string') {
    const plain = DATE_ONLY.exec(value)
    if (plain) {
      // A calendar date (the API's Date): no time zone to move it across.
      return { year: +plain[1], month: +plain[2], day: +plain[3], hour: 0, minute: 0 }
    }
  }
  const date = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(date.getTime())) return null
  const found: Record<string, number> = {}
  for (const part of parts.formatToParts(date)) {
    if (part.type !== 'literal') found[part.type] = Number(part.value)
  }
  return {
    year: found.year,
    month: found.month,
    day: found.day,
    hour: found.hour,
    minute: found.minute,
  }
}

/** 2026年11月30日; a date-time is told as its day in Beijing. Empty for nothing. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value == null || value === '') return ''
  const p = dayParts(value)
  return p ? `${p.year}年${p.month}月${p.day}日` : String(value)
}

/** 2026年11月30日 14:05, in Beijing. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value == null || value === '') return ''
  const p = dayParts(value)
  if (!p) return String(value)
  const hh = String(p.hour).padStart(2, '0')
  const mm = String(p.minute).padStart(2, '0')
  return `${p.year}年${p.month}月${p.day}日 ${hh}:${mm}`
}

/** Today's date in Beijing as the API writes a Date (2026-11-30). */
export function todayInDistrict(now: Date = new Date()): string {
  const p = dayParts(now)!
  const mm = String(p.month).padStart(2, '0')
  const dd = String(p.day).padStart(2, '0')
  return `${p.year}-${mm}-${dd}`
}

function toFen(fen: number | bigint | string): bigint | null {
  if (typeof fen === 'bigint') return fen
  if (typeof fen === 'number') return Number.isSafeInteger(fen) ? BigInt(fen) : null
  return /^-?\d+$/.test(fen.trim()) ? BigInt(fen.trim()) : null
}

/** Fen as yuan with two decimals, no grouping: 123456 → "1234.56" (for inputs). */
export function fenToYuan(fen: number | bigint | string): string {
  const value = toFen(fen)
  if (value === null) return ''
  const sign = value < 0n ? '-' : ''
  const abs = value < 0n ? -value : value
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`
}

/** Fen as the console shows money: 123456 → "1,234.56 元". Empty for nothing. */
export function formatYuan(fen: number | bigint | string | null | undefined): string {
  if (fen == null) return ''
  const plain = fenToYuan(fen)
  if (!plain) return ''
  const [whole, cents] = plain.split('.')
  const sign = whole.startsWith('-') ? '-' : ''
  const digits = sign ? whole.slice(1) : whole
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}${grouped}.${cents} 元`
}

/** What a person typed in yuan ("1234.5", "1,234.50") as fen, or null if it is no amount. */
export function yuanToFen(text: string): number | null {
  const cleaned = text.trim().replace(/,/g, '').replace(/元$/, '').trim()
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned)
  if (!match) return null
  const fen = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'))
  const signed = match[1] ? -fen : fen
  const result = Number(signed)
  return Number.isSafeInteger(result) ? result : null
}

/** A month as the API writes it ("2026-03") as 2026年3月. */
export function formatMonth(month: string | null | undefined): string {
  if (!month) return ''
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  return m ? `${+m[1]}年${+m[2]}月` : month
}
