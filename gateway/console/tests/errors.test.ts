import { describe, expect, it } from 'vitest'

import {
  ApiError,
  describeCode,
  describeErrors,
  fieldErrors,
  fieldLabel,
  fieldSentence,
  type GraphQLErrorLike,
} from '../src/lib/errors'

const validation: GraphQLErrorLike = {
  message: '输入有误',
  extensions: {
    code: 'VALIDATION_FAILED',
    fields: {
      'input.child.idNumber': '身份证号码格式或校验位不正确',
      applicantPhone: '请填写11位手机号码。',
    },
  },
}

describe('errors as sentences', () => {
  it('names each field the server named, with its own message', () => {
    expect(describeErrors([validation])).toBe(
      '身份证号：身份证号码格式或校验位不正确。申请人手机号：请填写11位手机号码。',
    )
    expect(fieldErrors([validation])).toEqual(validation.extensions!.fields)
  })

  it('labels a field path by its last name, and keeps a name it does not know', () => {
    expect(fieldLabel('input.child.birthDate')).toBe('出生日期')
    expect(fieldLabel('needs.0')).toBe('申请事项')
    expect(fieldLabel('somethingNew')).toBe('somethingNew')
    expect(fieldSentence('first', '每页最多 100 条')).toBe('每页条数：每页最多 100 条。')
  })

  it('tells each code as a plain sentence', () => {
    const say = (code: string, extra: Record<string, unknown> = {}) =>
      describeErrors([{ message: 'x', extensions: { code, ...extra } }])
    expect(say('UNAUTHENTICATED')).toBe('登录已过期，请重新登录。')
    expect(say('FORBIDDEN')).toBe('您没有权限进行此操作。')
    expect(say('NOT_FOUND')).toBe('未找到该记录，或您无权查看。')
    expect(say('CONFLICT')).toContain('已被他人修改')
    expect(say('CONFLICT')).toContain('您填写的内容已保留')
    expect(say('DUPLICATE', { existingId: 'c-1' })).toBe('已有相同的记录，不能重复登记。')
    expect(say('RATE_LIMITED', { retryAfter: 2.2 })).toBe('操作过于频繁，请 3 秒后再试。')
    expect(say('RATE_LIMITED')).toBe('操作过于频繁，请稍后再试。')
    expect(say('INTERNAL')).toContain('系统繁忙')
    expect(say('SOMETHING_ELSE')).toContain('系统繁忙')
    expect(describeCode('NETWORK')).toContain('无法连接到服务器')
  })

  it("prefers the server's Chinese message where it says more", () => {
    const forbidden = { message: '仅窗口受理员可代来电群众登记报告', extensions: { code: 'FORBIDDEN' } }
    expect(describeErrors([forbidden])).toBe('仅窗口受理员可代来电群众登记报告。')
    const english = { message: 'Forbidden', extensions: { code: 'FORBIDDEN' } }
    expect(describeErrors([english])).toBe('您没有权限进行此操作。')
    const plain = { message: '月份格式应为 2026-11', extensions: { code: 'VALIDATION_FAILED' } }
    expect(describeErrors([plain])).toBe('月份格式应为 2026-11。')
    const query = { message: "Cannot query field 'x'", extensions: { code: 'VALIDATION_FAILED' } }
    expect(describeErrors([query])).toBe('填写的内容有误，请检查后重试。')
  })

  it('carries its code, sentence and fields in an ApiError', () => {
    const error = new ApiError([validation])
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.message).toContain('身份证号：')
    expect(error.fields['input.child.idNumber']).toBe('身份证号码格式或校验位不正确')
    expect(ApiError.network().code).toBe('NETWORK')
    expect(ApiError.network().message).toContain('无法连接到服务器')
  })
})
