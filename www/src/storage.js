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

const DRAFTS = 'gwlint.drafts.v1';
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

/** All saved drafts, newest first: [{id, name, text, updated, ignored}]. */
export function listDrafts() {
  const list = store.get(DRAFTS);
  return Array.isArray(list) ? list.filter((d) => d && typeof d.text === 'string' && d.id) : [];
}

/** The draft the page had open last, or null. */
export function currentDraft() {
  const id = store.get(CURRENT);
  return listDrafts().find((d) => d.id === id) ?? null;
}

/**
 * Saves `draft` as the current one, keeping the newest MAX_DRAFTS. If storage
 * is full, older drafts are dropped first; returns false if even the draft alone
 * does not fit.
 */
export function saveDraft(draft) {
  draft.updated = Date.now();
  let list = [draft, ...listDrafts().filter((d) => d.id !== draft.id)].slice(0, MAX_DRAFTS);
  while (list.length) {
    if (store.set(DRAFTS, list)) {
      store.set(CURRENT, draft.id);
      return true;
    }
    list = list.slice(0, -1);
  }
  return false;
}

export function deleteDraft(id) {
  store.set(DRAFTS, listDrafts().filter((d) => d.id !== id));
}

export function setCurrentDraft(id) {
  store.set(CURRENT, id);
}
