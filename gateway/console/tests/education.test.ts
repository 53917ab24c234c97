import { describe, expect, it } from 'vitest'

import {
  ageOn,
  checkAbsence,
  checkAidStandard,
  checkEnrolment,
  checkExemption,
  checkSchool,
  daysBetween,
  emptyEnrolment,
  enrolmentActions,
  semesterChoices,
  semesterName,
  semesterOf,
} from '../src/pages/education/education'

const PRIMARY = { code: '2111090002', name: '大峪中心小学（演示）', stages: ['PRIMARY'] }

describe('a dropout risk', () => {
  it('counts the days it has stood open, across months and years', () => {
    expect(daysBetween('2026-11-01', '2026-11-30')).toBe(29)
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1)
    expect(daysBetween('2026-11-30', '2026-11-30')).toBe(0)
  })

  it("gives the child's age on a day", () => {
    expect(ageOn('2016-03-01', '2026-02-28')).toBe(9)
    expect(ageOn('2016-03-01', '2026-03-01')).toBe(10)
  })

  it('is exempted with a reason, a note for OTHER, not until a past day', () => {
    expect(checkExemption('MEDICAL', '', '', '2026-11-30')).toEqual({})
    expect(checkExemption('', '', '', '2026-11-30')).toEqual({ reason: '请选择免予入学原因' })
    expect(checkExemption('OTHER', '  ', '', '2026-11-30')).toEqual({ note: '其他原因须填写说明' })
    expect(checkExemption('MOVED_AWAY', '', '2026-11-29', '2026-11-30')).toEqual({
      until: '免予入学截止日期不能早于今天',
    })
  })
})

describe('an enrolment', () => {
  const form = { ...emptyEnrolment(), schoolCode: PRIMARY.code, stage: 'PRIMARY', grade: 4, since: '2026-09-01' }

  it("is checked as education checks it, by the API's fields", () => {
    expect(checkEnrolment(form, PRIMARY, '2016-03-01', '2026-11-30')).toEqual({})
    expect(checkEnrolment(emptyEnrolment(), undefined, '2016-03-01', '2026-11-30')).toEqual({
      schoolCode: '请选择学校',
      stage: '请选择学段',
      grade: '年级应为1至12',
      since: '请选择入学日期',
    })
    expect(checkEnrolment({ ...form, stage: 'JUNIOR_SECONDARY' }, PRIMARY, '2016-03-01', '2026-11-30').stage).toBe(
      '大峪中心小学（演示）不设该学段',
    )
    expect(checkEnrolment({ ...form, grade: 7 }, PRIMARY, '2016-03-01', '2026-11-30').grade).toBe('年级应为1至6')
    expect(checkEnrolment({ ...form, since: '2026-12-01' }, PRIMARY, '2016-03-01', '2026-11-30').since).toBe(
      '入学日期不能晚于今天',
    )
    expect(checkEnrolment({ ...form, since: '2015-09-01' }, PRIMARY, '2016-03-01', '2026-11-30').since).toBe(
      '入学日期不能早于出生日期',
    )
    expect(checkEnrolment(form, PRIMARY, '2016-03-01', '2026-11-30', '2026-10-01').since).toBe(
      '转入日期不能早于原学籍的入学日期',
    )
  })

  it('offers what its status allows', () => {
    expect(enrolmentActions('ACTIVE')).toEqual(['transfer', 'suspend', 'end'])
    expect(enrolmentActions('SUSPENDED')).toEqual(['transfer', 'resume', 'end'])
    expect(enrolmentActions('ENDED')).toEqual([])
  })
})

describe('a school', () => {
  const school = { code: '2111090099', name: '新建小学', stages: ['PRIMARY'], townCode: '110109001', kind: 'PUBLIC' }

  it('has a Beijing identifier of ten digits, a name, stages, a town and a kind', () => {
    expect(checkSchool(school, true)).toEqual({})
    expect(checkSchool({ ...school, code: '21110900' }, true).code).toBe('学校标识码应为10位数字')
    expect(checkSchool({ ...school, code: '2121090099' }, true).code).toBe('学校标识码第2、3位应为北京市代码11')
    expect(checkSchool({ ...school, code: '' }, false)).toEqual({})
    expect(checkSchool({ ...school, name: '新', stages: [], townCode: '', kind: '' }, true)).toEqual({
      name: '学校名称应为2至100个字符',
      stages: '学段至少一项',
      townCode: '请选择所在镇街',
      kind: '请选择办学类型',
    })
  })
})

describe('aid', () => {
  it('takes a standard in yuan and sends fen', () => {
    expect(checkAidStandard('2500')).toEqual({ fen: 250000, faults: {} })
    expect(checkAidStandard('1,250.5')).toEqual({ fen: 125050, faults: {} })
    expect(checkAidStandard('').faults.annualAmountFen).toBe('请填写金额（元），如 2500 或 2500.50')
    expect(checkAidStandard('-1').faults.annualAmountFen).toBe('年资助标准应在0至100,000.00 元之间')
    expect(checkAidStandard('100000.01').fen).toBeNull()
  })

  it('names semesters and offers the current one first', () => {
    expect(semesterOf('2026-11-30')).toBe('2026-AUTUMN')
    expect(semesterOf('2027-02-28')).toBe('2026-AUTUMN')
    expect(semesterOf('2027-03-01')).toBe('2027-SPRING')
    expect(semesterName('2026-AUTUMN')).toBe('2026年秋季学期')
    expect(semesterName('2027-SPRING')).toBe('2027年春季学期')
    expect(semesterChoices('2026-11-30', 3)).toEqual(['2026-AUTUMN', '2026-SPRING', '2025-AUTUMN'])
    expect(semesterChoices('2017-04-01')).toEqual(['2017-SPRING'])
  })
})

describe('an absence', () => {
  it('is reported from a day for consecutive school days', () => {
    expect(checkAbsence('2026-11-20', 5, '2026-11-30', '2022-09-01')).toEqual({})
    expect(checkAbsence('', null, '2026-11-30', '2022-09-01')).toEqual({
      from: '请选择缺课起始日期',
      consecutiveDays: '连续缺课天数应为1至60之间的整数',
    })
    expect(checkAbsence('2026-12-01', 61, '2026-11-30', '2022-09-01')).toEqual({
      from: '缺课起始日期不能晚于今天',
      consecutiveDays: '连续缺课天数应为1至60之间的整数',
    })
    expect(checkAbsence('2022-08-31', 1, '2026-11-30', '2022-09-01').from).toBe('缺课起始日期不能早于入学日期')
  })
})
