// 我的志愿服务: the stars as the API serves them (no thresholds of the console's own), the hours
// by status, and the check of a pairing visit with its hours before it is sent.

/** Hours shown as people read them: at most two decimals, no trailing zeros. */
export function hoursText(hours: number): string {
  return `${Number(hours.toFixed(2))}小时`
}

/** The hours still to serve for the next star, from `nextStarHours` (null: all five). */
export function hoursToNextStar(totalHours: number, nextStarHours: number | null): number | null {
  if (nextStarHours == null) return null
  return Math.max(0, Number((nextStarHours - totalHours).toFixed(2)))
}

/** 星级 in words: the level, and how far the next one is. */
export function starSentence(starLevel: number, totalHours: number, nextStarHours: number | null): string {
  const level = starLevel > 0 ? `${starLevel}星志愿者` : '尚未评定星级'
  const left = hoursToNextStar(totalHours, nextStarHours)
  if (left == null) return `${level}，已达到最高星级`
  return `${level}，再服务${hoursText(left)}可评为${starLevel + 1}星`
}

export interface HoursLike {
  hours: number
  status: string
}

/** The hours by status: approved count toward the stars, recorded wait for the organisation. */
export function hoursByStatus(rows: readonly HoursLike[]): { approved: number; waiting: number; rejected: number } {
  const sum = (status: string): number =>
    Number(rows.filter((r) => r.status === status).reduce((total, r) => total + r.hours, 0).toFixed(2))
  return { approved: sum('APPROVED'), waiting: sum('RECORDED'), rejected: sum('REJECTED') }
}

export interface VisitForm {
  visitedOn: string
  minutes: number | null
  mode: string
  note: string
  /** Also record the visit's hours for approval (recordServiceHours without an activity). */
  withHours: boolean
}

export function emptyVisit(today: string): VisitForm {
  return { visitedOn: today, minutes: 60, mode: 'HOME', note: '', withHours: true }
}

/** The form's mistakes by field, as the API would name them; none: it may be sent. */
export function checkVisit(form: VisitForm, today: string, startedOn: string): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!form.visitedOn) errors.visitedOn = '请选择走访日期'
  else if (form.visitedOn > today) errors.visitedOn = '走访日期不能晚于今天'
  else if (form.visitedOn < startedOn) errors.visitedOn = '走访日期不能早于结对开始日期'
  if (form.minutes == null || !Number.isInteger(form.minutes) || form.minutes < 1 || form.minutes > 1440) {
    errors.minutes = '时长应在1到1440分钟之间'
  }
  if (form.note.length > 500) errors.note = '备注最多500字'
  return errors
}

/** A visit's minutes as service hours (two decimals), as the hours record takes them. */
export function visitHours(minutes: number): number {
  return Number((minutes / 60).toFixed(2))
}

/** The note of the hours recorded for a pairing visit: what it was, then the volunteer's words. */
export function visitHoursNote(note: string): string {
  const own = note.trim()
  return own ? `结对帮扶走访：${own}`.slice(0, 500) : '结对帮扶走访'
}
