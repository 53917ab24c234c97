import { describe, expect, it } from 'vitest'

import {
  caseActions,
  checkAssessment,
  clockText,
  dueNow,
  emptyAssessment,
  emptyNeed,
  inboxOrder,
  toAssessmentInput,
} from '../src/pages/reports/cases'

describe('what a role may do with a case', () => {
  it('the police accept, then respond, notify; close once accepted', () => {
    expect(caseActions({ status: 'REPORTED', view: 'DETAIL' }, ['police'])).toEqual(['accept'])
    expect(caseActions({ status: 'ACCEPTED', view: 'DETAIL' }, ['police'])).toEqual(['respond', 'notify', 'close'])
    expect(caseActions({ status: 'ACCEPTED', view: 'DETAIL', missingAlertOpen: true }, ['police'])).toEqual([
      'respond',
      'closeAlert',
      'notify',
    ])
  })

  it('the town assesses once notified; a reporter or supervisor does nothing', () => {
    expect(caseActions({ status: 'REFERRED_TO_TOWN', view: 'DETAIL' }, ['town_social_worker'])).toEqual(['assess', 'close'])
    expect(caseActions({ status: 'ACCEPTED', view: 'DETAIL' }, ['town_social_worker'])).toEqual(['close'])
    expect(caseActions({ status: 'REPORTED', view: 'RECEIPT' }, ['police'])).toEqual([])
    expect(caseActions({ status: 'REPORTED', view: 'DETAIL' }, ['mandated_reporter'])).toEqual([])
    expect(caseActions({ status: 'CLOSED', view: 'DETAIL' }, ['police'])).toEqual([])
  })
})

describe('the inbox', () => {
  const rows = [
    { id: 'a', status: 'ACCEPTED' as const, urgent: false, reportedAt: '2026-11-30T01:00:00Z', clocks: [] },
    { id: 'b', status: 'REPORTED' as const, urgent: true, reportedAt: '2026-11-29T01:00:00Z', clocks: [] },
    { id: 'c', status: 'REPORTED' as const, urgent: false, reportedAt: '2026-11-28T01:00:00Z', clocks: [{ late: true, running: true }] },
    { id: 'd', status: 'CLOSED' as const, urgent: true, reportedAt: '2026-11-30T02:00:00Z', clocks: [] },
  ]
  it('puts open urgent then late cases first, or the newest first', () => {
    expect(inboxOrder(rows, 'urgent').map((r) => r.id)).toEqual(['b', 'c', 'a', 'd'])
    expect(inboxOrder(rows, 'newest').map((r) => r.id)).toEqual(['d', 'a', 'b', 'c'])
  })

  it('gives the running step’s deadline', () => {
    const due = dueNow([
      { step: 'FOUND_TO_REPORTED', startedAt: '2026-11-30T00:00:00Z', limitHours: 24, late: false, running: false },
      { step: 'REPORTED_TO_ACCEPTED', startedAt: '2026-11-30T00:00:00Z', limitHours: 2, late: true, running: true },
    ])
    expect(due).toEqual({ step: 'REPORTED_TO_ACCEPTED', dueAt: '2026-11-30T02:00:00.000Z', late: true })
    expect(dueNow([])).toBeNull()
    expect(clockText({ hours: 0.5, limitHours: 2, late: false, running: true })).toBe('用时 30 分钟 / 时限 2 小时（进行中）')
  })
})

describe('the town’s assessment', () => {
  it('asks for the three required risks and a summary, and each need’s parts', () => {
    const form = emptyAssessment()
    form.needs.push(emptyNeed())
    expect(Object.keys(checkAssessment(form, '2026-11-30')).sort()).toEqual([
      'guardianship',
      'health',
      'needs.0.department',
      'needs.0.description',
      'needs.0.kind',
      'safety',
      'summary',
    ])
  })

  it('sends the optional domains as null when not assessed', () => {
    const form = emptyAssessment()
    Object.assign(form.risk, { safety: 'HIGH', guardianship: 'MEDIUM', health: 'LOW' })
    form.note.safety = ' 有外伤 '
    form.summary = '需临时照料'
    expect(checkAssessment(form, '2026-11-30')).toEqual({})
    const input = toAssessmentInput(form)
    expect(input).toMatchObject({ safety: 'HIGH', safetyNote: '有外伤', education: null, psychology: null, summary: '需临时照料' })
    expect(input.needs).toBeUndefined()
  })
})
