import { describe, expect, it } from 'vitest'

import { checkForm, emptyForm, formKey, toInput } from '../src/pages/reports/reportForm'

const reporter = { mandated: true, clerk: false }
const clerk = { mandated: false, clerk: true }

describe('the report form', () => {
  it('asks for kind, description and a mandated reporter’s institution', () => {
    const errors = checkForm(emptyForm(), reporter, '2026-11-30')
    expect(Object.keys(errors).sort()).toEqual(['description', 'institution', 'kind'])
  })

  it('refuses a date in the future and an adult’s age', () => {
    const form = { ...emptyForm(), kind: 'ABUSE' as const, description: 'x', institution: '某校' }
    form.occurredOn = '2026-12-01'
    form.childAge = 18
    expect(checkForm(form, reporter, '2026-11-30')).toEqual({
      occurredOn: '发生日期不能晚于今天',
      childAge: '年龄应在 0 至 17 岁之间',
    })
    form.occurredOn = '2026-11-30'
    form.childAge = 9
    expect(checkForm(form, reporter, '2026-11-30')).toEqual({})
  })

  it('asks a clerk for the caller', () => {
    const form = { ...emptyForm(), kind: 'MISSING' as const, description: '走失' }
    expect(Object.keys(checkForm(form, clerk, '2026-11-30')).sort()).toEqual([
      'onBehalfOf.name',
      'onBehalfOf.phone',
    ])
  })

  it('sends only what was filled, the village over its town', () => {
    const form = {
      ...emptyForm(),
      kind: 'NEGLECT' as const,
      description: '  无人照看  ',
      townCode: '110109001',
      villageCode: '110109001001',
      childName: ' 小明 ',
    }
    expect(toInput(form, reporter)).toEqual({
      kind: 'NEGLECT',
      description: '无人照看',
      urgent: false,
      childName: '小明',
      divisionCode: '110109001001',
    })
    expect(toInput({ ...form, callerName: '张三', callerPhone: '13800000000' }, clerk).onBehalfOf).toEqual({
      name: '张三',
      phone: '13800000000',
    })
  })

  it('names the server’s fields as the form does', () => {
    expect(formKey('input.onBehalfOf.phone')).toBe('onBehalfOf.phone')
    expect(formKey('description')).toBe('description')
  })
})
