// The caring pages' pure logic: a donation typed in yuan sent in fen, what is left of a donation
// as the page says it, a use as sent, who acts for an organisation, a child's links and needs.
import type {
  CarDonationFragment,
  CarFamilyFragment,
  CarNeedFragment,
  DonationInput,
  DonationUseInput,
} from '../../gql/graphql'
import { FEDERATION_ROLES, type Role } from '../../lib/roles'
import { formatYuan, yuanToFen } from '../../lib/format'

/** Who reads caring families (policy FAMILY_READ_ROLES); FAMILY_WRITERS register, assess, link. */
export const FAMILY_READERS: readonly Role[] = ['civil_affairs', 'town_social_worker']
export const FAMILY_WRITERS: readonly Role[] = ['civil_affairs']
/** The federations (policy FEDERATION_ROLES): record donations and offers for their organisations. */
export const FEDERATIONS: readonly Role[] = FEDERATION_ROLES
/** Who reads donations (DONATION_READ_ROLES): the federations their own, civil affairs all. */
export const DONATION_READERS: readonly Role[] = [...FEDERATIONS, 'civil_affairs']
/** Who raises, matches and closes needs (NEED_ROLES); the federations read them (NEED_READ_ROLES). */
export const NEED_WRITERS: readonly Role[] = ['civil_affairs', 'town_social_worker']
export const NEED_READERS: readonly Role[] = [...NEED_WRITERS, ...FEDERATIONS]

/** A whole, positive number of units typed, or null. */
export function units(text: string): number | null {
  const cleaned = text.trim()
  if (!/^\d+$/.test(cleaned)) return null
  const value = Number(cleaned)
  return Number.isSafeInteger(value) && value > 0 ? value : null
}

/** A positive amount typed in yuan as fen, or the fault in the service's words. */
export function positiveFen(text: string): { fen: number | null; fault: string } {
  const fen = text.trim() ? yuanToFen(text) : null
  if (fen === null) return { fen: null, fault: '请填写金额（元），如 500 或 500.50' }
  if (fen <= 0) return { fen: null, fault: '金额应大于0' }
  return { fen, fault: '' }
}

/** What a donation's amount or goods are, as the page says them. */
export function donationAmount(d: Pick<CarDonationFragment, 'kind' | 'amountFen' | 'quantity' | 'unit' | 'goodsDescription'>): string {
  if (d.kind === 'MONEY') return formatYuan(d.amountFen)
  return `${d.goodsDescription ?? ''} ${d.quantity ?? ''}${d.unit ?? ''}`.trim()
}

/** What is left of a donation, in yuan for money, in its unit for goods. */
export function remainder(d: Pick<CarDonationFragment, 'kind' | 'remaining' | 'unit'>): string {
  return d.kind === 'MONEY' ? formatYuan(d.remaining) : `${d.remaining}${d.unit ?? ''}`
}

/** A use's amount as the page says it. */
export function useAmount(
  kind: CarDonationFragment['kind'],
  use: { amountFen?: number | string | null; quantity?: number | string | null },
  unit: string | null | undefined,
): string {
  return kind === 'MONEY' ? formatYuan(use.amountFen) : `${use.quantity ?? ''}${unit ?? ''}`
}

export interface DonationForm {
  organisationId: string
  donorKind: 'PERSON' | 'ORGANISATION'
  donorName: string
  anonymous: boolean
  kind: 'MONEY' | 'GOODS'
  amount: string
  goodsDescription: string
  quantity: string
  unit: string
  designation: 'CHILD' | 'ACTIVITY' | 'ORGANISATION' | 'GENERAL'
  designatedId: string
  receivedOn: string
  note: string
}

/** The form as recordDonation takes it (yuan → fen), or the faults by the API's field names. */
export function donationInput(form: DonationForm): { input: DonationInput | null; faults: Record<string, string> } {
  const faults: Record<string, string> = {}
  if (!form.organisationId) faults.organisationId = '请选择接收捐赠的组织'
  if (!form.anonymous && !form.donorName.trim()) faults.donorName = '请填写捐赠人，或选择匿名'
  let amountFen: number | null = null
  let quantity: number | null = null
  if (form.kind === 'MONEY') {
    const money = positiveFen(form.amount)
    amountFen = money.fen
    if (money.fault) faults.amountFen = money.fault
  } else {
    if (!form.goodsDescription.trim()) faults.goodsDescription = '请填写物资名称'
    quantity = units(form.quantity)
    if (quantity === null) faults.quantity = '数量应为正整数'
    if (!form.unit.trim()) faults.unit = '请填写单位，如 箱、件'
  }
  if (form.designation !== 'GENERAL' && !form.designatedId) faults.designatedId = '请选择定向对象'
  if (!form.receivedOn) faults.receivedOn = '请选择接收日期'
  if (Object.keys(faults).length) return { input: null, faults }
  const input: DonationInput = {
    organisationId: form.organisationId,
    donorKind: form.donorKind,
    anonymous: form.anonymous,
    donorName: form.anonymous ? null : form.donorName.trim(),
    kind: form.kind,
    designation: form.designation,
    designatedId: form.designation === 'GENERAL' ? null : form.designatedId,
    receivedOn: form.receivedOn,
    note: form.note.trim() || null,
  }
  if (form.kind === 'MONEY') input.amountFen = amountFen
  else Object.assign(input, { goodsDescription: form.goodsDescription.trim(), quantity, unit: form.unit.trim() })
  return { input, faults }
}

/**
 * A use as recordDonationUse takes it: money typed in yuan, goods in units. What is left is the
 * server's to hold (it refuses an over-use with its own message, which the page shows).
 */
export function donationUseInput(
  kind: CarDonationFragment['kind'],
  form: { amount: string; usedOn: string; purpose: string },
): { input: DonationUseInput | null; faults: Record<string, string> } {
  const faults: Record<string, string> = {}
  const input: DonationUseInput = { usedOn: form.usedOn, purpose: form.purpose.trim() }
  if (kind === 'MONEY') {
    const money = positiveFen(form.amount)
    if (money.fault) faults.amountFen = money.fault
    input.amountFen = money.fen
  } else {
    const quantity = units(form.amount)
    if (quantity === null) faults.quantity = '数量应为正整数'
    input.quantity = quantity
  }
  if (!form.usedOn) faults.usedOn = '请选择使用日期'
  if (!input.purpose) faults.purpose = '请填写用途'
  return Object.keys(faults).length ? { input: null, faults } : { input, faults }
}

/** The share of a donation used, 0-100, for its bar. */
export function usedPercent(d: Pick<CarDonationFragment, 'used' | 'remaining'>): number {
  const used = Number(d.used)
  const whole = used + Number(d.remaining)
  return whole > 0 ? Math.round((used / whole) * 100) : 0
}

export interface ChildCare {
  family: CarFamilyFragment
  link: CarFamilyFragment['links'][number]
}

/** A child's links among families, current first. */
export function linksOfChild(families: readonly CarFamilyFragment[], childId: string): ChildCare[] {
  const found: ChildCare[] = []
  for (const family of families) {
    for (const link of family.links) if (link.childId === childId) found.push({ family, link })
  }
  return found.sort((a, b) => Number(b.link.active) - Number(a.link.active) || b.link.startsOn.localeCompare(a.link.startsOn))
}

/** A child's needs, open first. */
export function needsOfChild(needs: readonly CarNeedFragment[], childId: string): CarNeedFragment[] {
  const order = { OPEN: 0, MATCHED: 1, CLOSED: 2 } as Record<string, number>
  return needs.filter((n) => n.childId === childId).sort((a, b) => order[a.status] - order[b.status])
}

/** The years of a public summary: this year back to 2020. */
export function summaryYears(thisYear: number): number[] {
  const years: number[] = []
  for (let y = thisYear; y >= 2020; y -= 1) years.push(y)
  return years
}
