import { describe, expect, it } from 'vitest'

import { navFor } from '../src/lib/roles'
import {
  actsAtDistrict,
  attendanceOpen,
  checkActivity,
  checkDay,
  checkPairingVisit,
  checkVolunteer,
  defaultPeriod,
  emptyVolunteer,
  formatHours,
  hoursProblem,
  reasonProblem,
  starText,
  volunteerInput,
  volunteerRosterOutcome,
  writableOrganisations,
} from '../src/pages/volunteers/volunteers'

// A valid GB 11643 number (born 1985-01-01, female), and one with a wrong check digit.
const NUMBER = '110109198501010042'
const WRONG = '110109198501010043'

describe('a registration', () => {
  const good = { ...emptyVolunteer(), name: '王芳', idNumber: NUMBER, phone: '13912345678', skills: ['TUTORING'], divisionCode: '110109001001' }

  it('is sent when every required field is right', () => {
    expect(checkVolunteer(good)).toEqual({})
  })

  it('is refused field by field, in the service words', () => {
    const faults = checkVolunteer({ ...emptyVolunteer(), idNumber: WRONG, phone: '1391234' })
    expect(Object.keys(faults).sort()).toEqual(['divisionCode', 'idNumber', 'name', 'phone', 'skills'])
    expect(faults.idNumber).toBe('身份证号码格式或校验位不正确')
    expect(faults.phone).toBe('手机号码应为11位中国大陆手机号')
  })

  it('leaves empty choices to the service defaults and upper-cases an X', () => {
    const input = volunteerInput({ ...good, idNumber: ' 11010919850101002x ', name: ' 王芳 ' })
    expect(input.idNumber).toBe('11010919850101002X')
    expect(input.name).toBe('王芳')
    expect(JSON.parse(JSON.stringify(input))).not.toHaveProperty('organisationId')
    expect(input.availability).toBeUndefined()
    expect(input.serviceArea).toBeUndefined()
  })
})

describe('who acts', () => {
  it('is a federation at the district', () => {
    expect(actsAtDistrict(['youth_league'], '110109')).toBe(true)
    expect(actsAtDistrict(['youth_league'], '110109001')).toBe(false)
    expect(actsAtDistrict(['civil_affairs'], '110109')).toBe(false)
  })

  it('registers the Youth League into any organisation, another federation into its own', () => {
    const orgs = [
      { id: '1', actingRole: 'YOUTH_LEAGUE' },
      { id: '2', actingRole: 'WOMENS_FEDERATION' },
    ]
    expect(writableOrganisations(orgs, ['youth_league']).map((o) => o.id)).toEqual(['1', '2'])
    expect(writableOrganisations(orgs, ['womens_federation']).map((o) => o.id)).toEqual(['2'])
  })

  it('gives the federations 志愿者 and 志愿活动 in the menu, and no one else', () => {
    for (const role of ['youth_league', 'trade_union', 'womens_federation', 'disabled_persons_federation'] as const) {
      expect(navFor([role]).map((i) => i.title)).toEqual(expect.arrayContaining(['志愿者', '志愿活动']))
    }
    expect(navFor(['civil_affairs']).map((i) => i.title)).not.toContain('志愿者')
  })
})

describe('checks of vetting, hours, visits and reasons', () => {
  it('refuses a day in the future', () => {
    expect(checkDay('2026-12-02', '2026-12-01', '审查日期')).toBe('审查日期不能晚于今天')
    expect(checkDay('2026-12-01', '2026-12-01')).toBeNull()
    expect(checkDay('', '2026-12-01', '审查日期')).toBe('请选择审查日期')
  })

  it('takes hours above 0 and at most 24', () => {
    expect(hoursProblem(0)).toBe('时长应大于0小时')
    expect(hoursProblem(24.5)).toBe('一天的时长不能超过24小时')
    expect(hoursProblem(null)).toBe('请填写时长')
    expect(hoursProblem(2.5)).toBeNull()
  })

  it('takes a visit between the pairing start and today, 1 to 1440 minutes', () => {
    expect(checkPairingVisit({ visitedOn: '2026-11-30', minutes: 60 }, '2026-11-01', '2026-12-01')).toEqual({})
    expect(checkPairingVisit({ visitedOn: '2026-10-30', minutes: 0 }, '2026-11-01', '2026-12-01')).toEqual({
      visitedOn: '探访日期不能早于结对开始日期',
      minutes: '时长应为1至1440分钟',
    })
  })

  it('wants a reason of 1 to 200 characters', () => {
    expect(reasonProblem('  ')).toBe('请填写原因')
    expect(reasonProblem('x'.repeat(201))).toBe('原因不超过200个字')
    expect(reasonProblem('迁出本区')).toBeNull()
  })
})

describe('activities', () => {
  it('wants a kind, title, place, day and places for children', () => {
    const faults = checkActivity({ kind: '', title: ' ', divisionCode: '', on: '', capacity: -1, volunteerCapacity: 0, organisationId: '' })
    expect(Object.keys(faults).sort()).toEqual(['capacity', 'divisionCode', 'kind', 'on', 'title', 'volunteerCapacity'])
    expect(
      checkActivity({ kind: 'STUDY_HELP', title: '周末课业辅导', divisionCode: '110109', on: '2026-12-05', capacity: 20, volunteerCapacity: null, organisationId: '' }),
    ).toEqual({})
  })

  it('takes attendance from the day on', () => {
    expect(attendanceOpen('2026-12-01', '2026-12-01')).toBe(true)
    expect(attendanceOpen('2026-12-02', '2026-12-01')).toBe(false)
  })

  it('lists the last 90 days to a year ahead by default', () => {
    expect(defaultPeriod('2026-12-01')).toEqual({ since: '2026-09-02', until: '2027-12-01' })
  })
})

describe('the roster and the totals', () => {
  const report = { imported: true, totalRows: 3, registeredRows: 3, rejectedRows: 0, errorCount: 0, errors: [] }

  it('says the outcome first', () => {
    expect(volunteerRosterOutcome(report)).toEqual({ type: 'success', text: '导入完成：共 3 行，已登记 3 名志愿者。' })
    expect(volunteerRosterOutcome({ ...report, registeredRows: 2, rejectedRows: 1 }).type).toBe('warning')
    const refused = volunteerRosterOutcome({ ...report, imported: false, registeredRows: 0, rejectedRows: 1 })
    expect(refused.type).toBe('error')
    expect(refused.text).toContain('整份名册未导入')
  })

  it('writes hours and stars', () => {
    expect(formatHours(12.25)).toBe('12.3 小时')
    expect(starText(0)).toBe('未达星级')
    expect(starText(2)).toBe('★★（2星）')
  })
})
