// A minimal stand-in for the `vscode` module, with the shapes of @types/vscode,
// for running the VS Code extension's mapping layer (www/vscode/src/core.js) in
// Node. Documents are vscode-languageserver-textdocument's TextDocument, whose
// positionAt/offsetAt count UTF-16 code units and split lines exactly as VS
// Code does. Only the editor is stood in for here; the checker is the real wasm.
import { TextDocument } from 'vscode-languageserver-textdocument';

export class Position {
  constructor(line, character) {
    if (line < 0 || character < 0) throw new Error('Illegal argument');
    this.line = line;
    this.character = character;
  }
  isEqual(o) { return this.line === o.line && this.character === o.character; }
  isBefore(o) { return this.line < o.line || (this.line === o.line && this.character < o.character); }
}

export class Range {
  constructor(start, end) {
    if (!(start instanceof Position) || !(end instanceof Position)) throw new Error('Range needs Positions');
    [this.start, this.end] = end.isBefore(start) ? [end, start] : [start, end];
  }
  get isEmpty() { return this.start.isEqual(this.end); }
}

export class Selection extends Range {
  constructor(anchor, active) {
    super(anchor, active);
    this.anchor = anchor;
    this.active = active;
  }
}

export const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };

export class Diagnostic {
  constructor(range, message, severity = DiagnosticSeverity.Error) {
    if (!(range instanceof Range)) throw new Error('Diagnostic needs a Range');
    this.range = range;
    this.message = message;
    this.severity = severity;
  }
}

export class CodeActionKind {
  constructor(value) { this.value = value; }
  append(part) { return new CodeActionKind(this.value ? `${this.value}.${part}` : part); }
  contains(other) { return this.value === other.value || other.value.startsWith(this.value + '.'); }
  intersects(other) { return this.contains(other) || other.contains(this); }
}
CodeActionKind.Empty = new CodeActionKind('');
CodeActionKind.QuickFix = new CodeActionKind('quickfix');
CodeActionKind.Source = new CodeActionKind('source');
CodeActionKind.SourceFixAll = new CodeActionKind('source.fixAll');

export class CodeAction {
  constructor(title, kind) {
    this.title = title;
    this.kind = kind;
  }
}

export class Uri {
  constructor(value) { this.value = value; }
  static parse(value) { return new Uri(value); }
  toString() { return this.value; }
}

export class WorkspaceEdit {
  #edits = new Map();
  replace(uri, range, newText) {
    if (!(range instanceof Range)) throw new Error('replace needs a Range');
    const key = uri.toString();
    if (!this.#edits.has(key)) this.#edits.set(key, [uri, []]);
    this.#edits.get(key)[1].push({ range, newText });
  }
  get size() { return this.#edits.size; }
  entries() { return [...this.#edits.values()]; }
}

/** A text document with VS Code's TextDocument methods used by the extension. */
export function openDocument(text, uri = 'file:///report.txt', languageId = 'plaintext') {
  const td = TextDocument.create(uri, languageId, 1, text);
  const toPos = (p) => new Position(p.line, p.character);
  return {
    uri: Uri.parse(uri),
    languageId,
    version: 1,
    getText: (range) => td.getText(range),
    positionAt: (offset) => toPos(td.positionAt(offset)),
    offsetAt: (pos) => td.offsetAt(pos),
    get lineCount() { return td.lineCount; },
    /** Applies a WorkspaceEdit's edits for this document, as the editor would. */
    applied(edit) {
      const edits = edit.entries().filter(([u]) => u.toString() === uri).flatMap(([, es]) => es);
      return TextDocument.applyEdits(td, edits);
    },
  };
}

/** WorkspaceConfiguration.get over a plain object. */
export function settings(values) {
  return { get: (key) => values[key] };
}
