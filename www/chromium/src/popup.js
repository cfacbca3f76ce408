// @ts-check
// The popup: on/off for the current site, and the settings (document type,
// rule levels, allow-list), saved to chrome.storage.local as they change.
// Content scripts and the service worker pick changes up from storage.
import { SEVERITY_LABEL, withDefaults } from './settings.js';

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
/** @type {Record<string, any>} */
let settings = withDefaults({});

async function save(/** @type {Record<string, any>} */ patch) {
  settings = { ...settings, ...patch };
  await chrome.storage.local.set(patch);
  // Let the checker validate the new settings, so a mistake is shown here.
  const res = await chrome.runtime.sendMessage({ type: 'check', text: '' });
  $('error').textContent = res?.ok ? '' : `设置有误：${res?.error}`;
}

/** The site of the tab the popup belongs to, asked from its content script. */
async function currentSite() {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return null;
  try {
    return await chrome.tabs.sendMessage(tab.id, { type: 'status' }, { frameId: 0 });
  } catch {
    return null; // no content script there: a browser page, or loaded before the extension
  }
}

async function main() {
  settings = withDefaults(await chrome.storage.local.get(null));

  const site = await currentSite();
  const on = /** @type {HTMLInputElement} */ ($('site-on'));
  if (site) {
    $('site-label').textContent = `在 ${site.host} 上检查`;
    on.checked = !settings.disabledSites.includes(site.host);
    $('site-status').textContent = site.enabled ? (site.count ? `本页发现 ${site.count} 处问题` : '本页未发现问题') : '已在此网站关闭';
    on.addEventListener('change', () => {
      const rest = settings.disabledSites.filter((/** @type {string} */ h) => h !== site.host);
      save({ disabledSites: on.checked ? rest : [...rest, site.host] });
      $('site-status').textContent = on.checked ? '已开启' : '已在此网站关闭';
    });
  } else {
    on.disabled = true;
    $('site-status').textContent = '此页面不能检查（浏览器自带页面，或扩展安装前已打开的页面，请刷新）';
  }

  const type = /** @type {HTMLInputElement} */ ($('doc-type'));
  type.value = settings.documentType === 'auto' ? '' : settings.documentType;
  type.addEventListener('change', () => save({ documentType: type.value.trim() || 'auto' }));

  const anon = /** @type {HTMLInputElement} */ ($('anonymized'));
  anon.checked = settings.anonymized === true;
  anon.addEventListener('change', () => save({ anonymized: anon.checked }));

  const allow = /** @type {HTMLTextAreaElement} */ ($('allow'));
  allow.value = settings.allow.join('\n');
  allow.addEventListener('change', () => save({ allow: allow.value.split('\n').map((w) => w.trim()).filter(Boolean) }));

  const res = await chrome.runtime.sendMessage({ type: 'rules' });
  const body = /** @type {HTMLTableSectionElement} */ ($('rules').querySelector('tbody'));
  for (const r of res?.rules ?? []) {
    const tr = document.createElement('tr');
    const name = document.createElement('td');
    name.textContent = r.title;
    const id = document.createElement('td');
    id.className = 'id';
    id.textContent = r.id;
    const cell = document.createElement('td');
    const select = document.createElement('select');
    select.dataset.rule = r.id;
    const options = [['', `默认（${SEVERITY_LABEL[/** @type {'error'} */ (r.severity)]}）`], ['off', '关闭'], ['info', '提示'], ['warning', '警告'], ['error', '错误']];
    for (const [value, label] of options) select.append(new Option(label, value));
    select.value = settings.rules[r.id] ?? '';
    select.addEventListener('change', () => {
      const rules = { ...settings.rules };
      if (select.value) rules[r.id] = select.value;
      else delete rules[r.id];
      save({ rules });
    });
    cell.append(select);
    tr.append(name, id, cell);
    body.append(tr);
  }
}

main();
