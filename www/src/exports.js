// Exports of the findings: a CSV table (for Excel/WPS) and a printable HTML
// report. Both are built from the latest results of the current text.
import { download } from './dom.js';
import { SEVERITY_LABEL, categoryLabel, countBySeverity } from './findings.js';

/** Up to `width` characters either side of a finding, within its line. */
function context(text, f, width = 15) {
  const lineStart = text.lastIndexOf('\n', f.start - 1) + 1;
  const nl = text.indexOf('\n', f.end);
  const lineEnd = nl < 0 ? text.length : nl;
  return {
    before: text.slice(Math.max(lineStart, f.start - width), f.start),
    hit: text.slice(f.start, f.end),
    after: text.slice(f.end, Math.min(lineEnd, f.end + width)),
  };
}

function suggestion(f) {
  return (f.fixes ?? []).map((x) => (x.replacement === '' ? '删除' : `改为“${x.replacement}”`)).join('；');
}

function csvCell(v) {
  let s = String(v ?? '');
  // Spreadsheets run cells starting with = + - @ as formulas.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function findingsCsv(text, findings) {
  const rows = [['行', '列', '级别', '类别', '问题', '说明', '原文', '上下文', '修改建议', '规则']];
  for (const f of findings) {
    const c = context(text, f);
    rows.push([f.line, f.column, SEVERITY_LABEL[f.severity], categoryLabel(f.category), f.title ?? '', f.message, c.hit, `${c.before}【${c.hit}】${c.after}`, suggestion(f), f.rule]);
  }
  return '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function exportCsv(name, text, findings) {
  download(`${name}-问题表.csv`, new Blob([findingsCsv(text, findings)], { type: 'text/csv;charset=utf-8' }));
}

const REPORT_CSS = `
body { font-family: "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif; margin: 2rem auto; max-width: 60rem; color: #222; }
h1 { font-size: 1.5rem; } .meta { color: #555; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid #bbb; padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
th { background: #eee; } mark { background: #ffe082; }
.error { color: #c62828; font-weight: bold; } .warning { color: #a85d00; font-weight: bold; } .info { color: #1565c0; }
@media print { body { margin: 0; max-width: none; } tr { break-inside: avoid; } }
`;

/** A standalone, printable HTML report; all text set through textContent. */
export function reportHtml({ title, text, findings, date = new Date() }) {
  const doc = document.implementation.createHTMLDocument('');
  const meta = doc.createElement('meta');
  meta.setAttribute('charset', 'utf-8');
  const csp = doc.createElement('meta');
  csp.setAttribute('http-equiv', 'Content-Security-Policy');
  csp.setAttribute('content', "default-src 'none'; style-src 'unsafe-inline'");
  const style = doc.createElement('style');
  style.textContent = REPORT_CSS;
  doc.head.prepend(meta);
  doc.head.append(csp, style);
  doc.documentElement.lang = 'zh-CN';
  doc.title = `体检报告：${title}`;
  const add = (parent, tag, txt, cls) => {
    const e = doc.createElement(tag);
    if (txt !== undefined) e.textContent = txt;
    if (cls) e.className = cls;
    parent.append(e);
    return e;
  };
  add(doc.body, 'h1', `公文体检报告：${title}`);
  const n = countBySeverity(findings);
  const dateText = `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
  add(doc.body, 'p', `检查日期：${dateText}　全文 ${[...text].length} 字　共 ${findings.length} 处问题（错误 ${n.error}，警告 ${n.warning}，提示 ${n.info}）`, 'meta');
  if (!findings.length) add(doc.body, 'p', '未发现问题。');
  else {
    const table = add(doc.body, 'table');
    const head = add(table, 'tr');
    for (const h of ['序号', '位置', '级别', '类别', '问题与说明', '上下文', '修改建议']) add(head, 'th', h);
    findings.forEach((f, i) => {
      const tr = add(table, 'tr');
      add(tr, 'td', String(i + 1));
      add(tr, 'td', `第${f.line}行第${f.column}列`);
      add(tr, 'td', SEVERITY_LABEL[f.severity], f.severity);
      add(tr, 'td', categoryLabel(f.category));
      const what = add(tr, 'td');
      add(what, 'strong', f.title ?? f.rule);
      add(what, 'div', f.message);
      const c = context(text, f);
      const ctx = add(tr, 'td');
      ctx.append(c.before);
      add(ctx, 'mark', c.hit);
      ctx.append(c.after);
      add(tr, 'td', suggestion(f));
    });
  }
  add(doc.body, 'p', '由公文体检（gwlint）在本机生成。', 'meta');
  return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
}

export function exportReport(name, text, findings) {
  download(`${name}-体检报告.html`, new Blob([reportHtml({ title: name, text, findings })], { type: 'text/html;charset=utf-8' }));
}
