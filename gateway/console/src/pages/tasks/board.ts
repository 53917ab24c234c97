// What a department may do with its task in each status, and how each action is asked.
export type TaskAction = 'accept' | 'materials' | 'complete' | 'decline'

export interface ActionSpec {
  name: string
  title: string
  type: 'primary' | 'warning' | 'success' | 'danger'
  question?: string
  field?: { label: string }
}

export const ACTIONS: Record<TaskAction, ActionSpec> = {
  accept: { name: '受理', title: '受理任务', type: 'primary', question: '确认受理该任务？受理后开始办理。' },
  materials: { name: '要求补充材料', title: '要求补充材料', type: 'warning', field: { label: '需补充的材料及说明' } },
  complete: { name: '办结', title: '办结任务', type: 'success', field: { label: '办理结果' } },
  decline: { name: '不予办理', title: '不予办理', type: 'danger', field: { label: '不予办理的原因' } },
}

/** The actions open to a task in its status; none once it is done or declined. */
export function actionsFor(status: string): TaskAction[] {
  switch (status) {
    case 'PENDING':
      return ['accept', 'materials', 'decline']
    case 'ACCEPTED':
      return ['complete', 'materials', 'decline']
    case 'NEEDS_MATERIALS':
      return ['decline']
    default:
      return []
  }
}
