// The side panel: a summary line, the findings grouped by category (or by
// position / severity) with per-category safe fixes, the placeholder checklist
// ("N 处待填") and the outline. Entries carry their current editor positions
// (mapped through edits); clicking one moves the cursor there.
import { el, button, severityIcon } from './dom.js';
import { SEVERITIES, SEVERITY_LABEL, categoryLabel, groupByCategory, byPosition, bySeverity, countBySeverity, safeFix } from './findings.js';
import { categoryBadge, severityTag } from './editor.js';

const $ = (id) => document.getElementById(id);

/**
 * At most this many items per list (per category group, checklist, outline):
 * a pasted file with tens of thousands of findings would otherwise cost
 * seconds of layout on every result. Counts stay exact; the rest is named.
 */
export const LIST_LIMIT = 300;
const OUTLINE_LIMIT = 1000;

function more(n, tag = 'li') {
  return el(tag, 'more', `另有 ${n} 处未列出（先处理上面的问题，或按位置排列查看）`);
}

export class Panel {
  /** `on` = {jump(from, to), fixCategory(category), fixAll()} */
  constructor(on) {
    this.on = on;
    this.sort = 'category';
    $('sort').addEventListener('change', (e) => { this.sort = e.target.value; this.renderFindings(); });
    $('btn-fix-all').addEventListener('click', () => on.fixAll());
    for (const name of ['findings', 'placeholders', 'outline']) {
      $(`tab-${name}`).addEventListener('click', () => this.showTab(name));
    }
    this.entries = [];
  }

  showTab(name) {
    for (const n of ['findings', 'placeholders', 'outline']) {
      $(`tab-${n}`).setAttribute('aria-selected', String(n === name));
      $(`pane-${n}`).hidden = n !== name;
    }
  }

  /**
   * entries: [{finding, from, to}]; placeholders: [{from, to, line, text, context}] or null;
   * outline: [{level, number, text, from, line, children}] or null; chars: length in characters.
   */
  render({ entries, placeholders, outline, chars }) {
    this.entries = entries;
    const n = countBySeverity(entries.map((e) => e.finding));
    const summary = $('summary');
    summary.replaceChildren(el('span', 'chars', `全文 ${chars.toLocaleString('zh-CN')} 字`));
    for (const s of SEVERITIES) {
      const part = el('span', `count ${s}`);
      part.append(severityIcon(s), ` ${SEVERITY_LABEL[s]} ${n[s]}`);
      summary.append(part);
    }
    $('tab-findings').textContent = `问题（${entries.length}）`;
    this.renderFindings();
    this.renderPlaceholders(placeholders);
    this.renderOutline(outline);
  }

  item(entry) {
    const f = entry.finding;
    const li = el('li', `finding ${f.severity}`);
    li.tabIndex = 0;
    li.dataset.rule = f.rule;
    const head = el('div', 'head');
    head.append(severityTag(f.severity), categoryBadge(f.category), el('span', 'title', f.title ?? f.rule), el('span', 'where', `第${f.line}行`));
    const excerpt = el('div', 'excerpt-line');
    excerpt.append(el('span', 'excerpt', entry.excerpt ?? ''));
    li.append(head, excerpt, el('div', 'msg', f.message));
    const go = () => this.on.jump(entry);
    li.addEventListener('click', go);
    li.addEventListener('keydown', (e) => { if (e.key === 'Enter') go(); });
    return li;
  }

  renderFindings() {
    const root = $('findings');
    root.replaceChildren();
    const safe = this.entries.filter((e) => safeFix(e.finding)).length;
    const fixAll = $('btn-fix-all');
    fixAll.disabled = safe === 0;
    fixAll.textContent = `全部安全修改（${safe}）`;
    if (!this.entries.length) {
      root.append(el('p', 'empty', '未发现问题'));
      return;
    }
    if (this.sort === 'category') {
      for (const [cat, list] of groupByCategory(this.entries)) {
        const group = el('section', 'group');
        group.dataset.category = cat;
        const h = el('h3', 'group-head');
        h.append(categoryBadge(cat), el('span', 'group-label', categoryLabel(cat)), el('span', 'group-count', `${list.length}`));
        const k = list.filter((e) => safeFix(e.finding)).length;
        if (k) h.append(button(`本类安全修改（${k}）`, () => this.on.fixCategory(cat), 'fix-category'));
        const ol = el('ol', 'findings');
        for (const e of list.slice(0, LIST_LIMIT)) ol.append(this.item(e));
        if (list.length > LIST_LIMIT) ol.append(more(list.length - LIST_LIMIT));
        group.append(h, ol);
        root.append(group);
      }
    } else {
      const ol = el('ol', 'findings');
      const sorted = [...this.entries].sort(this.sort === 'severity' ? bySeverity : byPosition);
      for (const e of sorted.slice(0, LIST_LIMIT)) ol.append(this.item(e));
      if (sorted.length > LIST_LIMIT) ol.append(more(sorted.length - LIST_LIMIT));
      root.append(ol);
    }
  }

  renderPlaceholders(list) {
    const tab = $('tab-placeholders');
    const ol = $('placeholders');
    ol.replaceChildren();
    const items = list ?? [];
    tab.textContent = `待填（${items.length}）`;
    $('placeholders-head').textContent = items.length ? `${items.length} 处待填` : '没有待填的占位符';
    for (const p of items.slice(0, LIST_LIMIT)) {
      const li = el('li', 'placeholder');
      li.tabIndex = 0;
      const box = el('span', 'check', '☐');
      box.setAttribute('aria-hidden', 'true');
      const ctx = el('span', 'context');
      ctx.append(p.before ?? '', el('mark', null, p.text), p.after ?? '');
      li.append(box, el('span', 'where', `第${p.line}行`), ctx);
      const go = () => this.on.jump(p);
      li.addEventListener('click', go);
      li.addEventListener('keydown', (e) => { if (e.key === 'Enter') go(); });
      ol.append(li);
    }
    if (items.length > LIST_LIMIT) ol.append(more(items.length - LIST_LIMIT));
  }

  renderOutline(outline) {
    const tab = $('tab-outline');
    const root = $('outline');
    root.replaceChildren();
    tab.hidden = outline === null;
    if (outline === null) {
      if (!$('pane-outline').hidden) this.showTab('findings');
      return;
    }
    if (!outline.length) {
      root.append(el('p', 'empty', '没有识别到标题'));
      return;
    }
    // A flat pre-order list with `depth` (the checker's shape), drawn indented.
    const ul = el('ul', 'outline');
    for (const h of outline.slice(0, OUTLINE_LIMIT)) {
      const li = el('li', `depth-${Math.min(h.depth ?? 0, 5)} kind-${h.kind ?? 'heading'}`);
      const label = h.text?.startsWith(h.number ?? '') ? h.text : `${h.number ?? ''}${h.text ?? ''}`;
      const a = el('a', 'heading');
      a.href = '#';
      a.append(el('span', 'where', `${h.line}`), el('span', 'label', label));
      a.addEventListener('click', (e) => { e.preventDefault(); this.on.jump(h); });
      li.append(a);
      ul.append(li);
    }
    if (outline.length > OUTLINE_LIMIT) ul.append(el('li', 'more', `另有 ${outline.length - OUTLINE_LIMIT} 个标题未列出`));
    root.append(ul);
  }
}
