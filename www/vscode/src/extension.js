// @ts-check
// The VS Code extension: wires the mapping layer (core.js) to the editor.
// One source for both entries: dist/extension.js (Node extension host) and
// dist/web.js (VS Code for the web). The wasm file ships in dist/ and is read
// through workspace.fs, which works in both hosts.
import * as vscode from 'vscode';
import init, { loadDictionary } from '../../../pkg/gwlint.js';
import {
  SOURCE, toConfig, languagesOf, runCheck, toDiagnostics, quickFixes, fixAllAction, fixAllEdit,
  statusText, placeholderItems, rangeOf,
} from './core.js';

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('gwlint');

/** @type {Map<string, {version: number, result: import('./core.js').Result}>} */
const cache = new Map();
/** @type {Map<string, ReturnType<typeof setTimeout>>} */
const timers = new Map();
let config = {};
let configError = '';

/** @param {vscode.ExtensionContext} context */
export async function activate(context) {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'gwlint_bg.wasm'));
  await init({ module_or_path: bytes });
  loadDictionary(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'gwlint-dict.bin')));

  const collection = vscode.languages.createDiagnosticCollection('gwlint');
  const status = vscode.window.createStatusBarItem('gwlint.status', vscode.StatusBarAlignment.Right, 100);
  status.name = SOURCE;
  status.command = 'gwlint.listPlaceholders';
  context.subscriptions.push(collection, status);

  const settings = () => vscode.workspace.getConfiguration('gwlint');
  const readConfig = () => {
    config = toConfig(settings());
    configError = '';
  };
  readConfig();

  /** @param {vscode.TextDocument} doc */
  const wanted = (doc) => languagesOf(settings()).includes(doc.languageId) && doc.uri.scheme !== 'output';

  /** Checks the document's current text (cached per version). @param {vscode.TextDocument} doc */
  const resultOf = (doc) => {
    const key = doc.uri.toString();
    const hit = cache.get(key);
    if (hit && hit.version === doc.version) return hit.result;
    const result = runCheck(doc.getText(), config);
    cache.set(key, { version: doc.version, result });
    return result;
  };

  /** @param {vscode.TextDocument} doc */
  const lint = (doc) => {
    if (!wanted(doc)) {
      collection.delete(doc.uri);
      cache.delete(doc.uri.toString());
      return;
    }
    try {
      const result = resultOf(doc);
      collection.set(doc.uri, toDiagnostics(vscode, doc, result.findings));
      // A bad setting is ignored by the checker (it keeps checking with the
      // default for that key); say so once.
      const problem = result.configErrors.join('；');
      if (problem && problem !== configError) {
        configError = problem;
        vscode.window.showWarningMessage(`公文体检：${problem}（请修改设置 gwlint.*）`);
      }
    } catch (e) {
      collection.delete(doc.uri);
      vscode.window.showErrorMessage(`公文体检检查出错：${e}`);
    }
    updateStatus();
  };

  const updateStatus = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !wanted(doc)) {
      status.hide();
      return;
    }
    const hit = cache.get(doc.uri.toString());
    const s = configError ? { text: '$(error) 公文体检', tooltip: configError } : statusText(hit && hit.version === doc.version ? hit.result : null);
    status.text = s.text;
    status.tooltip = s.tooltip;
    status.show();
  };

  /** @param {vscode.TextDocument} doc */
  const schedule = (doc) => {
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    const delay = Number(settings().get('debounce')) || 0;
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      lint(doc);
    }, delay));
  };

  const relintAll = () => {
    cache.clear();
    for (const doc of vscode.workspace.textDocuments) lint(doc);
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(lint),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length) schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      collection.delete(doc.uri);
      cache.delete(doc.uri.toString());
      clearTimeout(timers.get(doc.uri.toString()));
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('gwlint')) return;
      readConfig();
      relintAll();
    }),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.languages.registerCodeActionsProvider({ scheme: '*' }, {
      provideCodeActions(doc, _range, ctx) {
        if (!wanted(doc)) return [];
        let result;
        try {
          result = resultOf(doc);
        } catch {
          return [];
        }
        /** @type {vscode.CodeAction[]} */
        const actions = [];
        if (!ctx.only || ctx.only.contains(vscode.CodeActionKind.QuickFix)) {
          actions.push(...quickFixes(vscode, doc, ctx.diagnostics, result.findings));
          const mine = ctx.diagnostics.some((d) => d.source === SOURCE);
          const all = mine && fixAllAction(vscode, doc, result.findings, vscode.CodeActionKind.QuickFix);
          if (all) actions.push(all);
        }
        if (ctx.only && FIX_ALL_KIND.intersects(ctx.only)) {
          const all = fixAllAction(vscode, doc, result.findings, FIX_ALL_KIND);
          if (all) actions.push(all);
        }
        return actions;
      },
    }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] }),
    vscode.commands.registerCommand('gwlint.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !wanted(editor.document)) return;
      const edit = fixAllEdit(vscode, editor.document, resultOf(editor.document).findings);
      if (!edit) {
        vscode.window.showInformationMessage('公文体检：本文件没有可安全自动修正的问题');
        return;
      }
      await vscode.workspace.applyEdit(edit);
    }),
    vscode.commands.registerCommand('gwlint.listPlaceholders', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !wanted(editor.document)) {
        vscode.window.showInformationMessage('公文体检：请先打开要检查的文件');
        return;
      }
      const doc = editor.document;
      const items = placeholderItems(resultOf(doc).placeholders);
      if (!items.length) {
        vscode.window.showInformationMessage('公文体检：本文件没有待填的占位符');
        return;
      }
      const pick = await vscode.window.showQuickPick(items, { title: `待填占位符（${items.length} 处）`, matchOnDescription: true });
      if (!pick) return;
      const range = rangeOf(vscode, doc, pick.start, pick.end);
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  );

  relintAll();
  updateStatus();
}

export function deactivate() {
  for (const t of timers.values()) clearTimeout(t);
  timers.clear();
  cache.clear();
}
