// End to end: files in (.txt in UTF-8 and GB18030, .docx, drag-and-drop) and
// out (corrected text, findings as CSV, printable HTML report).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { serveDist, launch, openPage, settled, setText, docText, underlines, download } from './page-helpers.mjs';

let server, browser, page;

before(async () => {
  server = await serveDist();
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  ({ page } = await openPage(context, server.url));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const TXT = '一、总体情况\n全年检查X次，县县本级。\n';

async function openFile(name, buffer) {
  await page.setInputFiles('#file-open', { name, mimeType: 'application/octet-stream', buffer });
  await page.waitForFunction((n) => document.getElementById('status').textContent.includes(n), name);
  await settled(page);
}

/** A minimal .docx, as Word writes it: one w:p per paragraph. */
async function docx(paragraphs) {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  // Each paragraph may be split into several runs, as Word does.
  const body = paragraphs.map((p) => `<w:p><w:pPr><w:jc w:val="both"/></w:pPr>${[...p].reduce((runs, ch, i) => (i % 5 === 0 ? runs.push(ch) : (runs[runs.length - 1] += ch), runs), []).map((r) => `<w:r><w:t xml:space="preserve">${esc(r)}</w:t></w:r>`).join('')}</w:p>`).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

test('opens a UTF-8 .txt (with a BOM) and a GB18030 .txt', async () => {
  await openFile('报告.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TXT.replace(/\n/g, '\r\n'))]));
  assert.equal(await docText(page), TXT);
  assert.deepEqual((await underlines(page)).map(([t]) => t), ['X', '县县']);
  // The same text as GB18030 (GBK) bytes, as Windows Notepad saves "ANSI" in China.
  const gb = Buffer.from('d2bba1a2d7dccce5c7e9bff60ac8abc4eabcecb2e958b4cea3accfd8cfd8b1bebcb6a1a30a', 'hex');
  assert.equal(new TextDecoder('gb18030').decode(gb), TXT);
  await setText(page, '');
  await openFile('旧报告.txt', gb);
  assert.equal(await docText(page), TXT);
});

test('opens a .docx: paragraph text with its typed heading numbers', async () => {
  const paragraphs = ['县农业农村局2024年工作总结', '一、主要工作', '（一）全年完成X项任务。', '三、下一步打算'];
  await openFile('总结.docx', await docx(paragraphs));
  assert.equal(await docText(page), `${paragraphs.join('\n')}\n`);
  assert.deepEqual((await underlines(page)).map(([t]) => t), ['X', '三、']);
  // A broken .docx leaves the current draft alone and says why.
  await page.setInputFiles('#file-open', { name: '坏.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip') });
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('无法读取 Word 文档'));
  assert.equal(await docText(page), `${paragraphs.join('\n')}\n`);
});

test('a file dropped on the page is opened', async () => {
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], '拖入.txt', { type: 'text/plain' }));
    return dt;
  }, '拖进来的报告\n调研XX次。\n');
  await page.dispatchEvent('#editor', 'dragenter', { dataTransfer });
  assert.equal(await page.isVisible('#drop-hint'), true);
  await page.dispatchEvent('#editor', 'dragover', { dataTransfer });
  await page.dispatchEvent('#editor', 'drop', { dataTransfer });
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('拖入.txt'));
  await settled(page);
  assert.equal(await docText(page), '拖进来的报告\n调研XX次。\n');
  assert.equal(await page.isVisible('#drop-hint'), false);
});

test('saves the corrected text', async () => {
  await setText(page, '一、总体情况\n三、下一步\n');
  await page.hover('.cm-lintRange >> text=三、');
  await page.locator('.cm-tooltip-hover button.gw-fix').click();
  await settled(page);
  const file = await download(page, '#btn-save-text');
  assert.equal(file.name, '拖入.txt');
  assert.equal(file.text, '\ufeff一、总体情况\r\n二、下一步\r\n');
});

test('exports the findings as CSV and as a printable HTML report', async () => {
  const text = '关于<b>全县</b>工作的报告\n全年检查X次，县县本级。\n';
  // A new document has no file name: the report is named after its first line.
  await page.click('#btn-new');
  await page.locator('dialog.confirm-new button', { hasText: '新建' }).click();
  // The dialog's close event (and so the new document) comes a moment after the click.
  await page.waitForFunction(() => window.gwlint.view.state.doc.length === 0 && !window.gwlint.draft.name);
  await setText(page, text);
  const csv = await download(page, '#btn-export-csv');
  assert.match(csv.name, /问题表\.csv$/);
  const rows = csv.text.replace(/^\ufeff/, '').trim().split('\r\n');
  assert.equal(rows[0], '行,列,级别,类别,问题,说明,原文,上下文,修改建议,规则');
  assert.equal(rows.length, 3);
  assert.match(rows[1], /^2,5,警告,占位符,未填写的X占位符,.*,X,全年检查【X】次，县县本级。,,placeholder\/x-slot$/);
  assert.match(rows[2], /^2,8,警告,一致性,.*,县县,.*改为“县”,consistency\/doubled-char$/);

  const report = await download(page, '#btn-export-report');
  assert.match(report.name, /体检报告\.html$/);
  const html = report.text;
  assert.match(html, /<h1>公文体检报告：关于&lt;b&gt;全县&lt;\/b&gt;工作的报告<\/h1>/);
  assert.match(html, /检查日期：\d{4}年\d{1,2}月\d{1,2}日/);
  assert.match(html, /共 2 处问题/);
  assert.match(html, /第2行第5列/);
  assert.match(html, /全年检查<mark>X<\/mark>次/);
  assert.doesNotMatch(html, /<b>/);
  assert.match(html, /Content-Security-Policy/);
  // The report opens as a page and shows the findings.
  const view = await browser.newPage();
  await view.setContent(html);
  assert.equal(await view.locator('table tr').count(), 3);
  await view.close();
});
