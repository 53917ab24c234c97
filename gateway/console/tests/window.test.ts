import { describe, expect, it } from 'vitest'

import { base64Bytes } from '../src/lib/download'
import { isMobile, keepReceived, materialsOf, routesOf, type GuideNeed } from '../src/pages/intake/window'

const GUIDE: GuideNeed[] = [
  {
    need: 'LIVING_ALLOWANCE',
    name: '生活补助',
    routes: [{ department: 'CIVIL_AFFAIRS', departmentName: '民政局', workingDays: 20, dueOn: '2026-12-28' }],
    materials: ['户口簿', '身份证', '家庭经济状况说明'],
  },
  {
    need: 'LEGAL_AID',
    name: '法律援助',
    routes: [{ department: 'JUDICIAL', departmentName: '司法局', workingDays: 7, dueOn: '2026-12-09' }],
    materials: ['身份证', '法律援助申请表'],
  },
]

describe('the mobile number, as the server checks it', () => {
  it('takes 11 digits starting 13-19', () => {
    expect(isMobile('13812345678')).toBe(true)
    expect(isMobile('19912345678')).toBe(true)
  })
  it('refuses anything else, unnormalised', () => {
    for (const bad of ['', '1381234567', '138123456789', '12812345678', '+8613812345678', '138 1234 5678', '１３８１２３４５６７８']) {
      expect(isMobile(bad)).toBe(false)
    }
  })
})

describe('the materials of the ticked needs', () => {
  it('is their union, each once, in the guide order', () => {
    expect(materialsOf(GUIDE, ['LEGAL_AID', 'LIVING_ALLOWANCE'])).toEqual(['户口簿', '身份证', '家庭经济状况说明', '法律援助申请表'])
    expect(materialsOf(GUIDE, [])).toEqual([])
  })
  it('drops what an unticked need alone asked for, and keeps the rest received', () => {
    const asked = materialsOf(GUIDE, ['LEGAL_AID'])
    expect(keepReceived(['户口簿', '身份证'], asked)).toEqual(['身份证'])
  })
})

describe('the departments and deadlines of the ticked needs', () => {
  it('has a row per need and department', () => {
    expect(routesOf(GUIDE, ['LEGAL_AID']).map((r) => [r.needName, r.departmentName, r.dueOn])).toEqual([
      ['法律援助', '司法局', '2026-12-09'],
    ])
    expect(routesOf(GUIDE, ['LIVING_ALLOWANCE', 'LEGAL_AID'])).toHaveLength(2)
  })
})

describe('a base64 file', () => {
  it('decodes to its bytes', () => {
    expect(Array.from(base64Bytes(btoa('%PDF-1.4')))).toEqual(Array.from(new TextEncoder().encode('%PDF-1.4')))
  })
})
