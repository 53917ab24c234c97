// A dialog that sends a child's rows whole at the version it began from (调整分类, 更新家庭成员).
// While it is open its draft is kept in the tab, so an expired session loses nothing; a cell
// changed loses its old error; a stale version is explained from the file's history, and what
// was typed is sent again on the latest version on request.
import { reactive, ref, watch, type Ref } from 'vue'

import { session } from '../../auth'
import { clearDraft, loadDraft, saveDraft } from '../../lib/draft'
import { ApiError, errorSentence } from '../../lib/errors'
import { historySince, lastSeq, type HistoryLike } from './child'

/** The file as the dialog reads it: its version and the history that explains a newer one. */
export interface Versioned {
  id: string
  version: number
  history?: readonly HistoryLike[] | null
}

/** What changed since the dialog began, what the file holds now (`latest`), and the version to send again on. */
export interface Conflict<Latest> {
  entries: HistoryLike[]
  latest: Latest
  version: number
  seq: number
}

interface Draft<Row> {
  rows: Row[]
  reason: string
  version: number
  seq: number
}

interface RowsState<Row, Latest> extends Draft<Row> {
  errors: Record<string, string>
  error: string
  busy: boolean
  restored: boolean
  conflict: Conflict<Latest> | null
}

export interface RowsDialogOptions<Row, Child extends Versioned, Latest> {
  open: Ref<boolean>
  child: () => Child
  /** The draft's slot in the tab, one per dialog and child. */
  slot: () => string
  /** The rows' field in the server's error paths (`classifications.0.since`). */
  field: string
  rows: (child: Child) => Row[]
  /** The same checks as the server's, by path; one at `field` itself is said above the rows. */
  check: (rows: Row[]) => Record<string, string>
  send: (rows: Row[], reason: string | null, version: number) => Promise<unknown>
  /** The file read again after a stale version, or null when it cannot be read. */
  latest: () => Promise<Child | null>
  /** What the conflict says the file holds now. */
  describe: (latest: Child) => Latest
  saved: () => void
}

/** The state and actions of a rows dialog; the page draws the rows. */
export function useRowsDialog<Row extends object, Child extends Versioned, Latest>(
  options: RowsDialogOptions<Row, Child, Latest>,
) {
  const { open, field } = options
  const state = reactive({
    rows: [],
    reason: '',
    version: 0,
    seq: 0,
    errors: {},
    error: '',
    busy: false,
    restored: false,
    conflict: null,
  }) as RowsState<Row, Latest>
  /** The rows were put on the latest version after a conflict: the person checks them before saving. */
  const rebased = ref(false)

  watch(
    open,
    (isOpen) => {
      rebased.value = false
      if (!isOpen) return
      const child = options.child()
      const saved = loadDraft<Draft<Row>>(session.username, options.slot())
      Object.assign(state, {
        rows: saved?.rows ?? options.rows(child),
        reason: saved?.reason ?? '',
        version: saved?.version ?? child.version,
        seq: saved?.seq ?? lastSeq(child.history),
        errors: {},
        error: '',
        restored: saved !== null,
        conflict: null,
      })
    },
    { immediate: true },
  )
  watch(
    () => ({ rows: state.rows.map((r) => ({ ...r })), reason: state.reason, version: state.version, seq: state.seq }),
    (value) => {
      if (open.value) saveDraft(session.username, options.slot(), value satisfies Draft<Row>)
    },
    { deep: true },
  )
  // A cell changed is a cell to check again: its old error goes.
  watch(
    () => state.rows.map((r) => ({ ...r }) as Record<string, unknown>),
    (now, before) => {
      now.forEach((row, i) => {
        for (const key of Object.keys(row)) {
          if (before[i] && row[key] !== before[i][key]) delete state.errors[`${field}.${i}.${key}`]
        }
      })
    },
  )

  function err(index: number, key: string): string {
    return state.errors[`${field}.${index}.${key}`] ?? ''
  }
  function remove(index: number): void {
    state.rows.splice(index, 1)
    state.errors = {}
  }
  function cancel(): void {
    clearDraft(session.username, options.slot())
    open.value = false
  }
  // Closed by the person (×, Esc, 取消): the change is dropped; a page that goes away (an
  // expired session) keeps it.
  function closed(): void {
    if (!open.value) clearDraft(session.username, options.slot())
  }

  async function save(): Promise<void> {
    state.errors = options.check(state.rows)
    state.error = state.errors[field] ?? ''
    if (Object.keys(state.errors).length) return
    state.busy = true
    try {
      await options.send(state.rows, state.reason.trim() || null, state.version)
      clearDraft(session.username, options.slot())
      open.value = false
      options.saved()
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        const latest = await options.latest().catch(() => null)
        if (!latest) state.error = '该档案已被他人修改，暂时无法读取最新内容。您填写的内容已保留。'
        else
          state.conflict = {
            entries: historySince(latest.history, state.seq),
            latest: options.describe(latest),
            version: latest.version,
            seq: lastSeq(latest.history),
          }
      } else {
        if (e instanceof ApiError) state.errors = { ...e.fields }
        state.error = errorSentence(e)
      }
    } finally {
      state.busy = false
    }
  }

  function reapply(): void {
    if (!state.conflict) return
    state.version = state.conflict.version
    state.seq = state.conflict.seq
    state.conflict = null
    rebased.value = true
  }

  return { state, rebased, err, remove, cancel, closed, save, reapply }
}
