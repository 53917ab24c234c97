import { describe, expect, it } from 'vitest'

import { CLASSIFICATION_GROUP, CLASSIFICATION_SUBTYPE } from '../src/lib/labels'
import {
  GROUP_OF,
  activeRows,
  changedInput,
  checkClassifications,
  checkGuardians,
  classificationInput,
  emptyGuardian,
  guardiansInput,
  checkEdit,
  checkSearch,
  describeChange,
  editFormOf,
  emptySearch,
  factChanges,
  historySince,
  idNumberProblem,
  lastSeq,
  rebase,
  toFilter,
} from '../src/pages/children/child'

// 110109 2016-03-14, sequence 001 (odd: a boy), check digit computed by GB 11643.
const BOY = '110109201603140010'

describe('the search', () => {
  it('sends only the filters filled, the village over its town, numbers upper-cased', () => {
    const form = { ...emptySearch(), name: ' zxm ', idNumber: '11010920160314001x', town: '110109001', village: '110109001001' }
    expect(toFilter(form)).toEqual({
      name: 'zxm',
      idNumber: '11010920160314001X',
      divisionCode: '110109001001',
      status: 'ACTIVE',
    })
    expect(toFilter({ ...emptySearch(), status: '', town: '110109001', leftBehind: 'no', minAge: '6' })).toEqual({
      divisionCode: '110109001',
      leftBehind: false,
      minAge: 6,
    })
  })
  it('refuses ages that are no ages, and a range upside down', () => {
    expect(checkSearch({ ...emptySearch(), minAge: 'abc' })).toEqual({ minAge: '年龄应为0到18的整数' })
    expect(checkSearch({ ...emptySearch(), minAge: '12', maxAge: '6' })).toEqual({ maxAge: '最大年龄不能小于最小年龄' })
  })
})

describe('identity numbers, as the registry checks them', () => {
  it('takes a number that agrees with the birth date and gender', () => {
    expect(idNumberProblem(BOY, '2016-03-14', 'MALE')).toBeNull()
  })
  it("says what is wrong in the registry's words", () => {
    expect(idNumberProblem('12345', '2016-03-14', 'MALE')).toContain('18位')
    expect(idNumberProblem('110109201603140011', '2016-03-14', 'MALE')).toBe('身份证号码格式或校验位不正确')
    expect(idNumberProblem(BOY, '2016-03-15', 'MALE')).toBe('身份证号码中的出生日期与出生日期不一致')
    expect(idNumberProblem(BOY, '2016-03-14', 'FEMALE')).toBe('身份证号码中的性别与性别不一致')
  })
})

const file = {
  name: '张小明',
  gender: 'MALE',
  birthDate: '2016-03-14',
  idNumber: BOY,
  residenceDivision: { code: '110109001001' },
  hukouDivisionCode: null,
  school: '大峪一小',
  notes: null,
}

describe('the edit form', () => {
  it('sends only what changed, with the reason', () => {
    const began = editFormOf(file)
    const typed = { ...began, school: '大峪二小', notes: ' 新备注 ', reason: '核对更正' }
    expect(changedInput(began, typed)).toEqual({ school: '大峪二小', notes: '新备注', reason: '核对更正' })
    expect(changedInput(began, { ...began, reason: '无改动' })).toEqual({})
    expect(changedInput(began, { ...began, school: '' })).toEqual({ school: null })
  })
  it('never offers a masked number for editing, nor sends one', () => {
    const began = editFormOf({ ...file, idNumber: '110109************' })
    expect(began.idNumber).toBe('')
    expect(changedInput(began, { ...began, idNumber: BOY }, false)).toEqual({})
  })
  it("checks the registry's rules before sending", () => {
    const began = editFormOf(file)
    expect(checkEdit({ ...began, name: ' ' }, '2026-11-30')).toEqual({ name: '姓名不能为空' })
    expect(checkEdit({ ...began, birthDate: '2027-01-01' }, '2026-11-30').birthDate).toBe('出生日期不能晚于今天')
    expect(checkEdit({ ...began, birthDate: '2008-11-30', idNumber: '' }, '2026-11-30').birthDate).toBe(
      '已满18周岁，不属于保障范围',
    )
    expect(checkEdit({ ...began, birthDate: '2016-03-15' }, '2026-11-30').idNumber).toBe(
      '身份证号码中的出生日期与出生日期不一致',
    )
    expect(checkEdit({ ...began, residenceDivisionCode: '' }, '2026-11-30')).toEqual({
      residenceDivisionCode: '请选择现居住的村（社区）',
    })
  })
  it('moves the child by its village alone', () => {
    const began = editFormOf(file)
    expect(changedInput(began, { ...began, residenceDivisionCode: '110109001002', reason: '搬家' })).toEqual({
      residenceDivisionCode: '110109001002',
      reason: '搬家',
    })
  })
})

describe('a stale version', () => {
  const began = editFormOf(file)
  const latest = { ...began, school: '大峪中学', notes: '对方的备注' }
  const typed = { ...began, school: '我的学校', name: '张晓明', reason: '更正' }

  it('lists what the other person changed, and where the person typed otherwise', () => {
    const changes = factChanges(began, latest, typed)
    expect(changes.map((c) => [c.label, c.from, c.to, c.clashes])).toEqual([
      ['学校', '大峪一小', '大峪中学', true],
      ['备注', '（空）', '对方的备注', false],
    ])
  })
  it("re-applies the person's edits onto the latest file without undoing the other's", () => {
    const moved = rebase(began, latest, typed)
    expect(moved).toEqual({ ...latest, school: '我的学校', name: '张晓明', reason: '更正' })
    expect(changedInput(latest, moved)).toEqual({ name: '张晓明', school: '我的学校', reason: '更正' })
  })
  it('finds the changes after the one the person began from', () => {
    const history = [
      { seq: 1, at: '2026-11-01T01:00:00Z', actor: 'a', operation: 'REGISTERED' },
      { seq: 3, at: '2026-11-30T02:00:00Z', actor: 'b', operation: 'UPDATED' },
      { seq: 2, at: '2026-11-29T02:00:00Z', actor: 'c', operation: 'CLASSIFIED' },
    ]
    expect(lastSeq(history)).toBe(3)
    expect(historySince(history, 1).map((e) => e.seq)).toEqual([2, 3])
  })
  it('tells a change in words', () => {
    expect(
      describeChange({
        seq: 1,
        at: '',
        actor: 'x',
        operation: 'UPDATED',
        before: { school: '大峪一小', gender: 'MALE', birthDate: '2016-03-14' },
        after: { school: '大峪中学', gender: 'FEMALE', birthDate: '2016-03-15' },
      }),
    ).toEqual(['学校：大峪一小 → 大峪中学', '性别：男 → 女', '出生日期：2016年3月14日 → 2016年3月15日'])
  })
})

describe('classifications, sent as the complete set', () => {
  const rows = [
    { subtype: 'BOTH_PARENTS_AWAY', since: '2026-01-01', until: '', note: '' },
    { subtype: 'DISABLED', since: '2026-02-01', until: '2027-01-31', note: ' 二级 ' },
  ]
  it('takes the current set (not ended by today) as the form rows', () => {
    expect(
      activeRows(
        [
          { subtype: 'ORPHAN', since: '2020-01-01', until: '2026-11-30' },
          { subtype: 'BOTH_PARENTS_AWAY', since: '2026-01-01', until: null, note: null },
        ],
        '2026-11-30',
      ),
    ).toEqual([{ subtype: 'BOTH_PARENTS_AWAY', since: '2026-01-01', until: '', note: '' }])
  })
  it("checks each row as the registry does, by the registry's field paths", () => {
    expect(checkClassifications(rows, '2026-11-30', '2014-05-20')).toEqual({})
    expect(
      checkClassifications(
        [
          { subtype: 'ORPHAN', since: '2013-01-01', until: '', note: '' },
          { subtype: 'ORPHAN', since: '2026-12-01', until: '2026-11-01', note: '' },
          { subtype: '', since: '', until: '', note: '' },
        ],
        '2026-11-30',
        '2014-05-20',
      ),
    ).toEqual({
      'classifications.0.since': '起始日期不能早于儿童出生日期',
      'classifications.1.subtype': '同一分类细项不能重复',
      'classifications.1.since': '起始日期不能晚于今天',
      'classifications.1.until': '结束日期不能早于起始日期',
      'classifications.2.subtype': '请选择分类',
      'classifications.2.since': '请填写起始日期',
    })
  })
  it('sends each with its group', () => {
    expect(classificationInput(rows)).toEqual([
      { group: 'LEFT_BEHIND', subtype: 'BOTH_PARENTS_AWAY', since: '2026-01-01', until: null, note: null },
      { group: 'ILLNESS_DISABILITY', subtype: 'DISABLED', since: '2026-02-01', until: '2027-01-31', note: '二级' },
    ])
  })
  it('knows the group of every subtype the platform names', () => {
    expect(Object.keys(GROUP_OF).sort()).toEqual(Object.keys(CLASSIFICATION_SUBTYPE).sort())
    expect(new Set(Object.values(GROUP_OF))).toEqual(new Set(Object.keys(CLASSIFICATION_GROUP)))
  })
})

describe('the household, sent whole', () => {
  const mother = { ...emptyGuardian(), name: '李芳', relation: 'MOTHER', isGuardian: true, workingAway: true, awayLocation: ' 浙江省杭州市 ' }
  it("checks each member as the registry does, by the registry's field paths", () => {
    expect(checkGuardians([mother], '2026-11-30')).toEqual({})
    expect(
      checkGuardians(
        [
          { ...mother, name: ' ', entrusted: true, isGuardian: false, capacity: 'NONE', entrustedSince: '2026-01-01' },
          { ...mother, relation: '', entrusted: true, awaySince: '2026-12-01' },
        ],
        '2026-11-30',
      ),
    ).toEqual({
      guardians: '委托监护人只能有一位',
      'guardians.0.name': '姓名不能为空',
      'guardians.0.isGuardian': '委托监护人须为监护人',
      'guardians.0.capacity': '委托监护人须有监护能力',
      'guardians.1.relation': '请选择与儿童的关系',
      'guardians.1.awaySince': '外出务工时间不能晚于今天',
      'guardians.1.entrustedSince': '请填写委托起始日期',
    })
  })
  it('sends the work away and the entrustment only where ticked', () => {
    const [sent] = guardiansInput([{ ...mother, workingAway: false, entrustedSince: '2026-01-01' }])
    expect(sent).toEqual({
      name: '李芳',
      relation: 'MOTHER',
      isGuardian: true,
      capacity: 'FULL',
      workingAway: false,
      awayLocation: null,
      awaySince: null,
      phone: null,
      entrustedSince: null,
      entrustmentAgreedOn: null,
    })
    expect(guardiansInput([mother])[0].awayLocation).toBe('浙江省杭州市')
  })
})
