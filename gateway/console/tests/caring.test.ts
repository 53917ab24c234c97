import { describe, expect, it } from 'vitest'

import type { CarFamilyFragment, CarNeedFragment } from '../src/gql/graphql'
import { actsFor } from '../src/lib/roles'
import {
  donationAmount,
  donationInput,
  donationUseInput,
  linksOfChild,
  needsOfChild,
  positiveFen,
  remainder,
  units,
  usedPercent,
  type DonationForm,
} from '../src/pages/caring/caring'

const form = (over: Partial<DonationForm> = {}): DonationForm => ({
  organisationId: 'org-1',
  donorKind: 'PERSON',
  donorName: '张三',
  anonymous: false,
  kind: 'MONEY',
  amount: '1,000.5',
  goodsDescription: '',
  quantity: '',
  unit: '',
  designation: 'GENERAL',
  designatedId: '',
  receivedOn: '2026-11-30',
  note: '',
  ...over,
})

describe('a donation typed in yuan', () => {
  it('is sent in fen, never as a float', () => {
    expect(positiveFen('1000.50')).toEqual({ fen: 100050, fault: '' })
    expect(positiveFen('0.1')).toEqual({ fen: 10, fault: '' })
    expect(positiveFen('0').fault).toBe('金额应大于0')
    expect(positiveFen('1.234').fen).toBeNull()
    expect(positiveFen('').fault).toBe('请填写金额（元），如 500 或 500.50')
    const { input, faults } = donationInput(form())
    expect(faults).toEqual({})
    expect(input).toMatchObject({ amountFen: 100050, donorName: '张三', designation: 'GENERAL', designatedId: null })
    expect(input).not.toHaveProperty('quantity')
  })

  it('keeps no name when anonymous and asks for what is missing by the API field', () => {
    expect(donationInput(form({ anonymous: true, donorName: '李四' })).input).toMatchObject({ anonymous: true, donorName: null })
    const { input, faults } = donationInput(form({ donorName: ' ', amount: 'abc', designation: 'CHILD', organisationId: '' }))
    expect(input).toBeNull()
    expect(Object.keys(faults).sort()).toEqual(['amountFen', 'designatedId', 'donorName', 'organisationId'])
  })

  it('takes goods by whole units', () => {
    expect(units('12')).toBe(12)
    expect(units('1.5')).toBeNull()
    expect(units('0')).toBeNull()
    const goods = form({ kind: 'GOODS', goodsDescription: '书包', quantity: '20', unit: '个', designation: 'CHILD', designatedId: 'c1' })
    expect(donationInput(goods).input).toMatchObject({ goodsDescription: '书包', quantity: 20, unit: '个', designatedId: 'c1' })
    expect(donationInput(goods).input).not.toHaveProperty('amountFen')
  })
})

describe('what is left of a donation', () => {
  it('is told in yuan for money and in its unit for goods', () => {
    expect(remainder({ kind: 'MONEY', remaining: 40000, unit: null })).toBe('400.00 元')
    expect(remainder({ kind: 'GOODS', remaining: 5, unit: '箱' })).toBe('5箱')
    expect(donationAmount({ kind: 'MONEY', amountFen: '123456789', quantity: null, unit: null, goodsDescription: null })).toBe('1,234,567.89 元')
    expect(usedPercent({ used: 60000, remaining: 40000 })).toBe(60)
    expect(usedPercent({ used: 0, remaining: 0 })).toBe(0)
  })

  it("leaves an over-use to the server's check: a use is sent as typed", () => {
    const use = donationUseInput('MONEY', { amount: '600', usedOn: '2026-11-30', purpose: '购买学习用品' })
    expect(use).toEqual({ input: { amountFen: 60000, usedOn: '2026-11-30', purpose: '购买学习用品' }, faults: {} })
    expect(donationUseInput('GOODS', { amount: '3', usedOn: '2026-11-30', purpose: '发放' }).input).toMatchObject({ quantity: 3 })
    expect(donationUseInput('MONEY', { amount: '', usedOn: '', purpose: ' ' }).faults).toEqual({
      amountFen: '请填写金额（元），如 500 或 500.50',
      usedOn: '请选择使用日期',
      purpose: '请填写用途',
    })
  })
})

describe('who acts for an organisation', () => {
  it("is the federation role its actingRole names", () => {
    expect(actsFor(['womens_federation'], 'WOMENS_FEDERATION')).toBe(true)
    expect(actsFor(['youth_league'], 'WOMENS_FEDERATION')).toBe(false)
  })
})

describe("a child's caring families and needs", () => {
  const link = (id: string, childId: string, active: boolean, startsOn: string) => ({
    id,
    familyId: 'f',
    childId,
    startsOn,
    until: null,
    endedOn: active ? null : '2026-06-01',
    endReason: active ? null : '返回原家庭',
    active,
  })
  it('are the links and needs of that child only, current and open first', () => {
    const families = [
      { id: 'f1', links: [link('l1', 'c1', false, '2025-01-01'), link('l2', 'c2', true, '2025-02-01')] },
      { id: 'f2', links: [link('l3', 'c1', true, '2026-01-01')] },
    ] as unknown as CarFamilyFragment[]
    expect(linksOfChild(families, 'c1').map((c) => c.link.id)).toEqual(['l3', 'l1'])
    const needs = [
      { id: 'n1', childId: 'c1', status: 'CLOSED' },
      { id: 'n2', childId: 'c1', status: 'OPEN' },
      { id: 'n3', childId: null, status: 'OPEN' },
    ] as unknown as CarNeedFragment[]
    expect(needsOfChild(needs, 'c1').map((n) => n.id)).toEqual(['n2', 'n1'])
  })
})
