// Persistence in localStorage (works from http and from file://): settings,
// the current draft and the last few drafts. Drafts are written as the user
// types (debounced) and when the tab is hidden or closed, so a reload, a
// crash or a closed tab loses at most the last moment of typing.

/** JSON in localStorage; `set` returns false when storage is full or blocked. */
export const store = {
  get(key) {
    try {
      const v = localStorage.getItem(key);
      return v === null ? null : JSON.parse(v);
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch {
      return false;
    }
  },
};

// Drafts: an index (newest first) of {id, name, title, chars, updated} under
// DRAFTS, and each draft {id, name, text, updated, ignored} under its own key,
// so typing rewrites only the current draft.
const DRAFTS = 'gwlint.drafts.v1';
const DRAFT = (id) => `gwlint.draft.${id}`;
const CURRENT = 'gwlint.current.v1';
export const MAX_DRAFTS = 8;

/** A draft's title: its first non-empty line, shortened. */
export function titleOf(text) {
  const line = text.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
  return line.length > 30 ? `${line.slice(0, 30)}…` : line || '（空白文档）';
}

export function newDraft(text = '', name = '') {
  return { id: `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, name, text, updated: Date.now(), ignored: [] };
}

/** The saved drafts, newest first: [{id, name, title, chars, updated}]. */
export function listDrafts() {
  const list = store.get(DRAFTS);
  return Array.isArray(list) ? list.filter((d) => d && typeof d.id === 'string') : [];
}

/** One saved draft with its text, or null. */
export function loadDraft(id) {
  const d = store.get(DRAFT(id));
  return d && typeof d.text === 'string' ? { ignored: [], ...d } : null;
}

/** The draft the page had open last, or null. */
export function currentDraft() {
  const id = store.get(CURRENT);
  return id ? loadDraft(id) : null;
}

/**
 * Saves `draft` as the current one and keeps the newest MAX_DRAFTS. If storage
 * is full, the oldest other drafts are dropped first; returns false if even
 * this draft alone does not fit.
 */
export function saveDraft(draft) {
  draft.updated = Date.now();
  const entry = { id: draft.id, name: draft.name, title: titleOf(draft.text), chars: [...draft.text].length, updated: draft.updated };
  let list = [entry, ...listDrafts().filter((d) => d.id !== draft.id)];
  for (const old of list.slice(MAX_DRAFTS)) localStorage.removeItem(DRAFT(old.id));
  list = list.slice(0, MAX_DRAFTS);
  const record = { id: draft.id, name: draft.name, text: draft.text, updated: draft.updated, ignored: draft.ignored ?? [] };
  while (!store.set(DRAFT(draft.id), record)) {
    const oldest = list.length > 1 ? list.pop() : null;
    if (!oldest) return false;
    localStorage.removeItem(DRAFT(oldest.id));
    store.set(DRAFTS, list);
  }
  store.set(DRAFTS, list);
  store.set(CURRENT, draft.id);
  return true;
}

export function deleteDraft(id) {
  localStorage.removeItem(DRAFT(id));
  store.set(DRAFTS, listDrafts().filter((d) => d.id !== id));
}
