import { describe, expect, it } from 'vitest'

import {
  ATTACHMENT_MAX_BYTES,
  checkAttachment,
  checkForm,
  emptyForm,
  fieldOf,
  foundAtInstant,
  formKey,
  toInput,
} from '../src/pages/reports/reportForm'

const reporter = { mandated: true, clerk: false }
const clerk = { mandated: false, clerk: true }
const staff = { mandated: false, clerk: false }
const NOW = new Date('2026-11-30T04:00:00Z') // 12:00 in Beijing

describe('the report form', () => {
  it('asks what the server asks: kind, description, place, age, a mandated reporter’s institution', () => {
    const errors = checkForm(emptyForm(), reporter, NOW)
    expect(errors).toEqual({
      kind: '请选择报告情形',
      description: '请描述发现的情况',
      divisionCode: '请填写事发地点（镇街或社区（村）区划代码）',
      childAge: '请填写儿童年龄（可估计）',
      institution: '请填写报告机构名称',
    })
    expect(Object.keys(checkForm(emptyForm(), staff, NOW))).not.toContain('institution')
  })

  it('needs no age for a known child', () => {
    const form = { ...emptyForm(), childId: 'c1', kind: 'ABUSE' as const, description: 'x', townCode: '110109001' }
    expect(checkForm(form, staff, NOW)).toEqual({})
    expect(toInput({ ...form, childAge: 9, childName: '某' }, staff)).toEqual({
      kind: 'ABUSE',
      description: 'x',
      urgent: false,
      childId: 'c1',
      divisionCode: '110109001',
    })
  })

  it('refuses a future date or finding, a date after the finding, and an adult’s age', () => {
    const form = { ...emptyForm(), kind: 'ABUSE' as const, description: 'x', institution: '某校', townCode: '110109001' }
    expect(checkForm({ ...form, occurredOn: '2026-12-01', childAge: 18 }, reporter, NOW)).toEqual({
      occurredOn: '发生日期不能晚于今天',
      childAge: '年龄应在0到17岁之间',
    })
    expect(checkForm({ ...form, childAge: 9, foundAt: '2026-11-30 13:00' }, reporter, NOW)).toEqual({
      foundAt: '发现时间不能晚于现在',
    })
    expect(checkForm({ ...form, childAge: 9, occurredOn: '2026-11-29', foundAt: '2026-11-28 09:00' }, reporter, NOW)).toEqual({
      occurredOn: '发生日期不能晚于发现时间',
    })
    expect(checkForm({ ...form, childAge: 9, occurredOn: '2026-11-30', foundAt: '2026-11-30 11:00' }, reporter, NOW)).toEqual({})
  })

  it('asks a clerk for the caller, with a mobile or a landline', () => {
    const form = { ...emptyForm(), kind: 'MISSING' as const, description: '走失', townCode: '110109001', childAge: 6 }
    expect(Object.keys(checkForm(form, clerk, NOW)).sort()).toEqual(['onBehalfOf.name', 'onBehalfOf.phone'])
    for (const phone of ['13800000000', '010-69841234', '01069841234']) {
      expect(checkForm({ ...form, callerName: '张三', callerPhone: phone }, clerk, NOW)).toEqual({})
    }
    expect(checkForm({ ...form, callerName: '张三', callerPhone: '1380000000' }, clerk, NOW)['onBehalfOf.phone']).toContain('11位手机号')
  })

  it('sends only what was filled, the village over its town, the finding with its zone', () => {
    const form = {
      ...emptyForm(),
      kind: 'NEGLECT' as const,
      description: '  无人照看  ',
      townCode: '110109001',
      villageCode: '110109001001',
      childName: ' 小明 ',
      childAge: 8,
      foundAt: '2026-11-30 08:05',
    }
    expect(toInput(form, reporter)).toEqual({
      kind: 'NEGLECT',
      description: '无人照看',
      urgent: false,
      childName: '小明',
      childAge: 8,
      divisionCode: '110109001001',
      foundAt: '2026-11-30T08:05:00+08:00',
    })
    expect(toInput({ ...form, callerName: '张三', callerPhone: '13800000000' }, clerk).onBehalfOf).toEqual({
      name: '张三',
      phone: '13800000000',
    })
    expect(foundAtInstant('nonsense')).toBeNull()
  })

  it('names the server’s fields as the form does', () => {
    expect(formKey('input.onBehalfOf.phone')).toBe('onBehalfOf.phone')
    expect(formKey('description')).toBe('description')
    expect(fieldOf('villageCode')).toBe('divisionCode')
    expect(fieldOf('callerPhone')).toBe('onBehalfOf.phone')
  })

  it('checks each attachment against the cap, its type and the count', () => {
    expect(checkAttachment({ name: 'a.jpg', size: 1000, type: 'image/jpeg' }, 0)).toBe('')
    expect(checkAttachment({ name: 'big.pdf', size: ATTACHMENT_MAX_BYTES + 1, type: 'application/pdf' }, 0)).toContain('超过5MB')
    expect(checkAttachment({ name: 'a.doc', size: 10, type: 'application/msword' }, 0)).toContain('仅支持')
    expect(checkAttachment({ name: 'a.png', size: 10, type: 'image/png' }, 5)).toBe('每份报告最多5个附件')
  })
})
