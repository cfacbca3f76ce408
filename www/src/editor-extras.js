// Undo history, the editor's keymaps and the highlight of other occurrences
// of the selected text: loaded by editor.js (loadEditorExtras) after the
// first underlines are drawn.
import { keymap } from '@codemirror/view';
import { history, defaultKeymap, historyKeymap } from '@codemirror/commands';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { lintKeymap } from '@codemirror/lint';

export const extras = [history(), highlightSelectionMatches(), keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap])];
