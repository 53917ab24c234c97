import { describe, expect, it } from 'vitest'

import { clearAllDrafts, clearDraft, loadDraft, saveDraft, type DraftStore } from '../src/lib/draft'

function memory(): DraftStore & { keys(): string[] } {
  const items = new Map<string, string>()
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    get length() {
      return items.size
    },
    key: (index) => [...items.keys()][index] ?? null,
    keys: () => [...items.keys()],
  }
}

describe('drafts', () => {
  it('comes back as it was typed, for its user and form only', () => {
    const store = memory()
    saveDraft('clerk', 'intake-new', { form: { applicantName: '王芳', needs: ['LEGAL_AID'] } }, store)
    expect(loadDraft('clerk', 'intake-new', store)).toEqual({
      form: { applicantName: '王芳', needs: ['LEGAL_AID'] },
    })
    expect(loadDraft('other', 'intake-new', store)).toBeNull()
    expect(loadDraft('clerk', 'report-new', store)).toBeNull()
  })

  it('is gone once the form is taken', () => {
    const store = memory()
    saveDraft('clerk', 'intake-new', { a: 1 }, store)
    clearDraft('clerk', 'intake-new', store)
    expect(loadDraft('clerk', 'intake-new', store)).toBeNull()
  })

  it('reads a damaged draft as none', () => {
    const store = memory()
    store.setItem('shouhu.draft.clerk.intake-new', '{not json')
    expect(loadDraft('clerk', 'intake-new', store)).toBeNull()
  })

  it('all go at sign-out, and nothing else of the tab', () => {
    const store = memory()
    saveDraft('clerk', 'intake-new', { a: 1 }, store)
    saveDraft('police', 'report-new', { b: 2 }, store)
    store.setItem('oidc.user:realm:console', '{}')
    clearAllDrafts(store)
    expect(store.keys()).toEqual(['oidc.user:realm:console'])
  })
})
