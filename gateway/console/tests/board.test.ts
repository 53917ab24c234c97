import { describe, expect, it } from 'vitest'

import { ACTIONS, actionsFor } from '../src/pages/tasks/board'

describe('the actions a department has on its task', () => {
  it('accepts a new task, completes an accepted one, and both may ask for materials or decline', () => {
    expect(actionsFor('PENDING')).toEqual(['accept', 'materials', 'decline'])
    expect(actionsFor('ACCEPTED')).toEqual(['complete', 'materials', 'decline'])
    expect(actionsFor('NEEDS_MATERIALS')).toEqual(['decline'])
  })
  it('has none once the task is done or declined', () => {
    expect(actionsFor('DONE')).toEqual([])
    expect(actionsFor('DECLINED')).toEqual([])
  })
  it('asks for a text where the server needs one, in Chinese', () => {
    expect(ACTIONS.accept.field).toBeUndefined()
    expect(ACTIONS.complete.field?.label).toBe('办理结果')
    expect(ACTIONS.decline.field?.label).toContain('原因')
    expect(ACTIONS.materials.name).toBe('要求补充材料')
  })
})
