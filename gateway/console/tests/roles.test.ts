import { describe, expect, it } from 'vitest'

import { navFor, primaryRole, readClaims, roleName } from '../src/lib/roles'

function token(claims: Record<string, unknown>): string {
  const encode = (value: unknown) =>
    Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${encode({ alg: 'RS256' })}.${encode(claims)}.signature`
}

describe('who is signed in', () => {
  it("reads the platform's claims and only the platform's roles", () => {
    const claims = readClaims(
      token({
        preferred_username: 'police.110109001',
        division_code: '110109001',
        exp: 1800000000,
        realm_access: { roles: ['default-roles-shouhu', 'police', 'offline_access'] },
      }),
    )
    expect(claims).toEqual({
      username: 'police.110109001',
      roles: ['police'],
      divisionCode: '110109001',
      expiresAt: 1800000000,
    })
    expect(roleName(primaryRole(claims!.roles))).toBe('公安')
  })

  it('reads no claims from what is no token', () => {
    expect(readClaims('nonsense')).toBeNull()
    expect(readClaims('a.b.c')).toBeNull()
  })
})

describe('the menu by role', () => {
  const titles = (roles: Parameters<typeof navFor>[0]) => navFor(roles).map((i) => i.title)

  it('gives the window clerk the window, the files and the statistics', () => {
    expect(titles(['intake_clerk'])).toEqual(['首页', '一门受理', '儿童档案', '台账导入', '定期走访', '强制报告', '统计分析', '教育统计'])
  })

  it('gives a village supervisor the files, the ledger and the visits', () => {
    expect(titles(['village_supervisor'])).toEqual(['首页', '儿童档案', '台账导入', '定期走访', '强制报告', '教育统计'])
  })

  it('gives a department its board and no window; the police their cases', () => {
    expect(titles(['police'])).toEqual(['首页', '部门待办', '儿童档案', '强制报告', '案件办理'])
    expect(titles(['education'])).toEqual([
      '首页',
      '部门待办',
      '儿童档案',
      '强制报告',
      '控辍保学',
      '学校名录',
      '教育资助',
      '送教上门',
      '教育统计',
    ])
  })

  it("gives a school's staff their school's pupils and no file", () => {
    expect(titles(['school_staff'])).toEqual(['首页', '强制报告', '本校学生'])
    expect(titles(['town_social_worker'])).toContain('控辍保学')
    expect(titles(['town_social_worker'])).not.toContain('学校名录')
    expect(titles(['town_social_worker'])).toContain('送教上门')
    expect(titles(['school_staff'])).not.toContain('送教上门')
  })

  it('gives a mandated reporter the report form and no file', () => {
    expect(titles(['mandated_reporter'])).toEqual(['首页', '强制报告'])
  })

  it('gives the auditor statistics and never a file', () => {
    expect(titles(['auditor'])).toEqual(['首页', '统计分析', '教育统计'])
  })

  it('gives a volunteer no file and no board, and its own service', () => {
    expect(titles(['volunteer'])).toEqual(['首页', '强制报告', '我的志愿服务'])
    expect(titles(['youth_league'])).not.toContain('我的志愿服务')
  })

  it('gives district civil affairs the payments', () => {
    expect(titles(['civil_affairs'])).toContain('保障金发放')
    expect(titles(['town_social_worker'])).not.toContain('保障金发放')
  })

  it('gives the caring pages to the roles the API allows', () => {
    expect(titles(['civil_affairs'])).toEqual(expect.arrayContaining(['爱心家庭', '爱心捐赠', '需求与资源']))
    expect(titles(['town_social_worker'])).toEqual(expect.arrayContaining(['爱心家庭', '需求与资源']))
    expect(titles(['town_social_worker'])).not.toContain('爱心捐赠')
    expect(titles(['womens_federation'])).toEqual(['首页', '部门待办', '儿童档案', '强制报告', '爱心捐赠', '需求与资源', '志愿者', '志愿活动'])
    expect(titles(['volunteer'])).not.toContain('爱心捐赠')
    expect(titles(['auditor'])).not.toContain('需求与资源')
  })
})
