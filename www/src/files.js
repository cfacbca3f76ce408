// Files in and out: .txt in UTF-8 (with or without BOM), UTF-16 (with BOM) or
// GB18030/GBK; .docx through mammoth (paragraph text, with Word's automatic
// numbering put back by docx-numbering.js); drag-and-drop; saving
// the corrected text. Nothing leaves the machine: files are read with the File
// API and written as downloads.
import { download } from './dom.js';

/** Decodes a text file's bytes: BOM first, then strict UTF-8, then GB18030 (which covers GBK/GB2312). */
export function decodeText(bytes) {
  const b = new Uint8Array(bytes);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder('utf-8').decode(b.subarray(3));
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return new TextDecoder('gb18030').decode(b);
  }
}

/** mammoth's raw text (extractRawText): paragraphs end with a blank line; `prefix(p)` goes before a paragraph's text. */
function rawText(element, prefix) {
  if (element.type === 'text') return element.value;
  if (element.type === 'tab') return '\t';
  const inner = (element.children ?? []).map((c) => rawText(c, prefix)).join('');
  return element.type === 'paragraph' ? `${prefix(element)}${inner}\n\n` : inner;
}

function paragraphsOf(element, out = []) {
  if (element.type === 'paragraph') out.push(element);
  for (const c of element.children ?? []) paragraphsOf(c, out);
  return out;
}

/**
 * Paragraph text of a .docx, one paragraph per line: {text, notice}. Typed
 * heading numbers are text and kept; Word's automatic numbering is put back
 * as text by docx-numbering.js. When it cannot be put back for certain, the
 * text comes without it and `notice` says so (in Chinese).
 */
export async function docxText(arrayBuffer) {
  const [m, numbering] = await Promise.all([import('mammoth'), import('./docx-numbering.js')]);
  const mammoth = m.default ?? m; // a CommonJS module
  let document;
  const [, reader] = await Promise.all([
    // The HTML is not used: transformDocument hands us mammoth's document (paragraphs with style and numbering).
    mammoth.convertToHtml({ arrayBuffer }, { transformDocument: (d) => (document = d), convertImage: mammoth.images.imgElement(() => ({ src: '' })) }),
    numbering.readNumbering(arrayBuffer).catch((e) => (e instanceof numbering.Unsure ? { unsure: e } : Promise.reject(e))),
  ]);
  const paragraphs = paragraphsOf(document);
  const labels = reader?.paragraphs ? numbering.alignLabels(paragraphs, reader) : null;
  const labelOf = new Map(labels ? paragraphs.map((p, k) => [p, labels[k]]) : []);
  const value = rawText(document, (p) => labelOf.get(p) ?? '');
  // mammoth ends every paragraph with a blank line; a 公文 has one paragraph per line.
  const text = value.replace(/\r\n?/g, '\n').split('\n\n').map((p) => p.replace(/\n/g, '')).join('\n').replace(/\n+$/, '\n');
  const restored = labels ? labels.filter(Boolean).length : 0;
  let notice = '';
  if (restored) notice = `已还原 ${restored} 处 Word 自动编号（如标题序号）。`;
  else if (reader?.unsure || (!labels && paragraphs.some((p) => p.numbering?.isOrdered))) notice = '文档中的 Word 自动编号（如标题序号“一、”“（一）”）未能还原，导入的文字不含这些编号，标题序号的检查结果可能不准，请对照原文核对。';
  return { text, notice };
}

/** Reads a dropped or chosen file: {name, text, notice?}; throws a Chinese message for what it cannot read. */
export async function readFile(file) {
  const name = file.name.replace(/\.(txt|docx|text)$/i, '');
  const lower = file.name.toLowerCase();
  const bytes = await file.arrayBuffer();
  if (lower.endsWith('.docx')) {
    try {
      return { name, ...(await docxText(bytes)) };
    } catch (e) {
      throw new Error(`无法读取 Word 文档“${file.name}”：${e.message ?? e}。请确认它是 .docx 格式（旧的 .doc 请先在 Word 或 WPS 中另存为 .docx）。`);
    }
  }
  if (lower.endsWith('.doc') || lower.endsWith('.wps') || lower.endsWith('.pdf')) {
    throw new Error(`不能打开“${file.name}”：请先另存为 .docx 或 .txt。`);
  }
  return { name, text: decodeText(bytes).replace(/\r\n?/g, '\n') };
}

/** Calls `onFile(file)` for a file dropped anywhere on the page; shows `hint` while dragging. */
export function enableDrop(target, hint, onFile) {
  let depth = 0;
  const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  target.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth++;
    hint.hidden = false;
  });
  target.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (!depth) hint.hidden = true;
  });
  target.addEventListener('dragover', (e) => {
    if (hasFiles(e)) e.preventDefault();
  }, true);
  target.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.stopPropagation();
    depth = 0;
    hint.hidden = true;
    const file = e.dataTransfer.files[0];
    if (file) onFile(file);
  }, true);
}

/** Saves text as a UTF-8 .txt with a BOM (so older Windows Notepad reads it right). */
export function saveText(name, text) {
  download(`${name || '公文'}.txt`, new Blob(['\ufeff', text.replace(/\n/g, '\r\n')], { type: 'text/plain;charset=utf-8' }));
}
