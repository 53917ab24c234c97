// What a person types into a form is kept in the tab's storage as they type (草稿): a session that
// expires sends them to the realm's login page and back, an error reloads nothing, and the form
// comes back as they left it. The tab's storage, not the browser's: a file's details leave with
// the tab, and signing out clears them.
import { watch, type WatchStopHandle } from 'vue'

const PREFIX = 'shouhu.draft.'

/** Where drafts are kept; the tab's sessionStorage in the browser. */
export interface DraftStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
  readonly length: number
  key(index: number): string | null
}

function store(): DraftStore | null {
  return typeof window === 'undefined' ? null : window.sessionStorage
}

function slot(user: string, form: string): string {
  return `${PREFIX}${user}.${form}`
}

/** The draft of `form` kept for `user`, or null. */
export function loadDraft<T>(user: string, form: string, where = store()): T | null {
  const text = where?.getItem(slot(user, form))
  if (!text) return null
  try {
    return JSON.parse(text) as T
  } catch {
    return null
  }
}

export function saveDraft(user: string, form: string, value: unknown, where = store()): void {
  try {
    where?.setItem(slot(user, form), JSON.stringify(value))
  } catch {
    // A full storage loses the draft, never the page.
  }
}

export function clearDraft(user: string, form: string, where = store()): void {
  where?.removeItem(slot(user, form))
}

/** Every draft of the tab, whoever's (at sign-out). */
export function clearAllDrafts(where = store()): void {
  if (!where) return
  const keys: string[] = []
  for (let i = 0; i < where.length; i += 1) {
    const key = where.key(i)
    if (key?.startsWith(PREFIX)) keys.push(key)
  }
  keys.forEach((key) => where.removeItem(key))
}

export interface Draft {
  /** The form was sent and taken: its draft goes, and is no longer written. */
  clear(): void
  /** Whether the form came back from a draft when the page opened. */
  restored: boolean
}

/**
 * Keep a form's state while the page is open: `read` gives what to keep (plain data), `restore`
 * puts a kept draft back; called once, in a page's setup, after its state is declared.
 */
export function keepDraft<T>(
  user: string,
  form: string,
  read: () => T,
  restore: (saved: T) => void,
): Draft {
  const saved = loadDraft<T>(user, form)
  if (saved !== null) restore(saved)
  const stop: WatchStopHandle = watch(read, (value) => saveDraft(user, form, value), { deep: true })
  return {
    restored: saved !== null,
    clear() {
      stop()
      clearDraft(user, form)
    },
  }
}
