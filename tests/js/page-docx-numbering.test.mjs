// End to end: a .docx whose headings are numbered by Word's automatic
// numbering (numbering.xml), opened in the real page. The labels Word draws
// (一、 （一） 1. （1）) must be in the editor's text, so the outline and the
// heading rules see them; where they cannot be restored for certain, the text
// comes without them and the page says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { serveDist, launch, openPage, settled, docText, underlines } from './page-helpers.mjs';

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

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** One w:lvl: the 公文 levels are chineseCounting / decimal with their own punctuation. */
const lvl = (ilvl, fmt, text, extra = '') => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${extra}<w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/></w:lvl>`;

/** The four 公文 levels, the first two linked to the heading styles 1 and 2 (as Word writes a list linked to headings). */
const GONGWEN = `<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>${lvl(0, 'chineseCounting', '%1、', '<w:pStyle w:val="1"/><w:suff w:val="nothing"/>')}${lvl(1, 'chineseCounting', '（%2）', '<w:pStyle w:val="2"/>')}${lvl(2, 'decimal', '%3.')}${lvl(3, 'decimal', '（%4）')}</w:abstractNum>`;
const BULLETS = `<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>${lvl(0, 'bullet', '\uf06c')}</w:abstractNum>`;

/**
 * A .docx as Word writes it: paragraphs are [text, pPr] (pPr: the w:pPr
 * content), `nums` the w:num elements of numbering.xml.
 */
async function docx(paragraphs, { abstractNums = GONGWEN + BULLETS, nums } = {}) {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/_rels/document.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>');
  // Heading 1 takes its list from the style (no w:ilvl: the level that names the style); heading 2 names its level.
  zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${NS}><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="3"><w:name w:val="heading 3"/><w:basedOn w:val="2"/><w:pPr><w:numPr><w:ilvl w:val="2"/></w:numPr></w:pPr></w:style></w:styles>`);
  zip.file('word/numbering.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${NS}>${abstractNums}${nums ?? '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'}</w:numbering>`);
  // Word splits a paragraph into runs; so do we.
  const runs = (t) => [...t].reduce((rs, ch, i) => (i % 4 === 0 ? rs.push(ch) : (rs[rs.length - 1] += ch), rs), []).map((r) => `<w:r><w:t xml:space="preserve">${esc(r)}</w:t></w:r>`).join('');
  const body = paragraphs.map(([t, pPr = '']) => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs(t)}</w:p>`).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}<w:sectPr/></w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

const style = (id) => `<w:pStyle w:val="${id}"/>`;
const numPr = (ilvl, numId = 1) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

async function openDocx(name, paragraphs, options) {
  await page.setInputFiles('#file-open', { name, mimeType: 'application/octet-stream', buffer: await docx(paragraphs, options) });
  await page.waitForFunction((n) => document.getElementById('status').textContent.includes(n), name);
  await settled(page);
}

const status = () => page.textContent('#status');
const outline = async () => {
  await page.click('#tab-outline');
  const rows = await page.$$eval('#outline a.heading', (els) => els.map((e) => e.querySelector('.label').textContent));
  await page.click('#tab-findings');
  return rows;
};

test('Word automatic numbering becomes the heading numbers in the text: styles, w:numPr, restarts, bullets, typed numbers', async () => {
  await openDocx('自动编号.docx', [
    ['县农业农村局2024年工作总结'],
    ['主要工作', style(1)], // heading 1 → its list, level 0 (the level naming the style)
    ['粮食生产', style(2)], // heading 2 → level 1
    ['完成播种任务。', numPr(2)], // numbered on the paragraph
    ['早稻如期播种。', numPr(3)],
    ['晚稻如期播种。', numPr(3)],
    ['加强田间管理。', numPr(2)], // back to level 2: level 3 starts again next time
    ['病虫害防治到位。', numPr(3)],
    ['乡村建设', style(3)], // heading 3 is based on heading 2: list 1 from heading 2, level 2 of its own
    ['改造农村道路', numPr(0, 2)], // a bulleted list: no label, and it does not disturb the headings' list
    ['新建村级服务站', numPr(0, 2)],
    ['存在问题', style(1)], // a new top level: （一） and 1. start again under it
    ['资金不足', style(2)],
    ['项目资金到位慢。', numPr(2)],
    ['三、下一步打算'], // typed by hand, as many drafts mix both
    ['（一）加大投入。'],
  ]);
  assert.equal(await docText(page), [
    '县农业农村局2024年工作总结',
    '一、主要工作',
    '（一）粮食生产',
    '1.完成播种任务。',
    '（1）早稻如期播种。',
    '（2）晚稻如期播种。',
    '2.加强田间管理。',
    '（1）病虫害防治到位。',
    '3.乡村建设',
    '改造农村道路',
    '新建村级服务站',
    '二、存在问题',
    '（一）资金不足',
    '1.项目资金到位慢。',
    '三、下一步打算',
    '（一）加大投入。',
    '',
  ].join('\n'));
  assert.match(await status(), /已还原 11 处 Word 自动编号/);
  // The outline lists the restored headings with the typed ones.
  const rows = await outline();
  for (const h of ['一、主要工作', '（一）粮食生产', '二、存在问题', '（一）资金不足', '三、下一步打算']) assert.ok(rows.includes(h), `${h} in ${JSON.stringify(rows)}`);
  // Numbered straight: no heading-number finding.
  assert.deepEqual((await underlines(page)).map(([t]) => t).filter((t) => /[一二三四]、|（[一二三]）/.test(t)), []);
});

test('automatic numbering that really skips (a list restarted at 四) is reported', async () => {
  // Word's "set numbering value": a second w:num of the same list whose first level starts at 4.
  const nums = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>';
  await openDocx('跳号.docx', [
    ['县农业农村局2024年工作总结'],
    ['主要工作', style(1)],
    ['粮食生产', style(2)],
    ['存在问题', style(1) + numPr(0, 3)],
    ['资金不足', style(2)],
    ['下一步打算', style(1)], // back on list 1: Word counts on from the shared list, 五、
  ], { nums });
  assert.equal(await docText(page), '县农业农村局2024年工作总结\n一、主要工作\n（一）粮食生产\n四、存在问题\n（一）资金不足\n五、下一步打算\n');
  const found = await page.evaluate(async () => (await window.gwlint.checker.analyze(window.gwlint.view.state.doc.toString(), {})).findings.map((f) => [f.rule, window.gwlint.view.state.doc.sliceString(f.start, f.end)]));
  assert.ok(found.some(([rule, t]) => rule === 'structure/heading-sequence' && t.startsWith('四')), JSON.stringify(found));
  assert.ok((await underlines(page)).some(([t]) => t.startsWith('四')));
});

test('numbering that cannot be restored for certain is left out, and the page says so', async () => {
  // A number format this reader does not render (English words): no label anywhere, rather than a wrong one.
  const abstractNums = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'ordinalText', '%1', '<w:pStyle w:val="1"/>')}${lvl(1, 'chineseCounting', '（%2）', '<w:pStyle w:val="2"/>')}</w:abstractNum>${BULLETS}`;
  await openDocx('无法还原.docx', [['标题'], ['主要工作', style(1)], ['粮食生产', style(2)]], { abstractNums });
  assert.equal(await docText(page), '标题\n主要工作\n粮食生产\n');
  assert.match(await status(), /自动编号.*未能还原/);

  // Word 2010's custom format (001, 002, …) sits in mc:AlternateContent with decimal as the fallback: not guessed either.
  const custom = '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>';
  const customNums = GONGWEN.replace('<w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/>', `${custom}<w:lvlText w:val="%3."/>`);
  assert.notEqual(customNums, GONGWEN);
  await openDocx('自定义编号.docx', [['标题'], ['主要工作', style(1)], ['完成播种任务。', numPr(2)]], { abstractNums: customNums + BULLETS });
  assert.equal(await docText(page), '标题\n主要工作\n完成播种任务。\n');
  assert.match(await status(), /自动编号.*未能还原/);
  // The same list without the custom format is restored.
  await openDocx('十进制编号.docx', [['标题'], ['主要工作', style(1)], ['完成播种任务。', numPr(2)]]);
  assert.equal(await docText(page), '标题\n一、主要工作\n1.完成播种任务。\n');
});
