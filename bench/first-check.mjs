// Start-up cost of the checker (issue 9): the time of the FIRST `analyze` of
// the page's sample report in a fresh Node process, with all rules, with none,
// and with one family or one rule on (each in its own process, so every row
// pays the one-time set-up: regexes, automata, tables). Needs pkg/ (`make wasm`).
//
//   node bench/first-check.mjs [--runs N] [--rules] [--only RE] [--pkg DIR]
//     --rules: one row per rule as well as per family
//     --only RE: only the rows whose name matches RE
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i < 0 ? dflt : args.splice(i, 2)[1];
};

if (args[0] === '--child') {
  // One measurement: args[1] = pkg dir, args[2] = JSON config.
  const gw = await import(join(args[1], 'gwlint.js'));
  gw.initSync({ module: readFileSync(join(args[1], 'gwlint_bg.wasm')) });
  const { SAMPLE } = await import(join(ROOT, 'www/src/sample.js'));
  const config = JSON.parse(args[2]);
  // CPU time of this process (user + system), less disturbed by other
  // processes on a shared machine than the wall clock.
  const c0 = process.cpuUsage();
  const a = gw.analyze(SAMPLE, config);
  const c1 = process.cpuUsage(c0);
  const first = (c1.user + c1.system) / 1000;
  const t1 = performance.now();
  gw.analyze(SAMPLE, config);
  const second = performance.now() - t1;
  console.log(JSON.stringify({ first, second, findings: a.findings.length }));
} else {
  const runs = Number(opt('--runs', 5));
  const pkg = opt('--pkg', join(ROOT, 'pkg'));
  const perRule = args.includes('--rules');
  const gw = await import(join(pkg, 'gwlint.js'));
  gw.initSync({ module: readFileSync(join(pkg, 'gwlint_bg.wasm')) });
  const rules = gw.rules();
  const families = [...new Set(rules.map((r) => r.category))];
  const allOff = Object.fromEntries(families.map((f) => [f, 'off']));
  const rows = [
    ['all rules', {}],
    ['no rule', allOff],
    ...families.map((f) => [f, { ...allOff, [f]: 'warning' }]),
  ];
  if (perRule) for (const r of rules) rows.push([r.id, { ...allOff, [r.id]: 'warning' }]);
  const only = opt('--only', null); // a regular expression on the row names
  if (only) rows.splice(0, rows.length, ...rows.filter(([name]) => new RegExp(only).test(name)));
  const stat = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return `${s[0].toFixed(1)} / ${s[Math.floor(s.length / 2)].toFixed(1)}`;
  };
  console.log('| rules on | first check, CPU ms (min / median) | second check ms | findings |');
  console.log('|---|---:|---:|---:|');
  for (const [name, config] of rows) {
    const ms = [];
    const warm = [];
    let findings = 0;
    for (let k = 0; k < runs; k++) {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', pkg, JSON.stringify({ rules: config })], { encoding: 'utf8' });
      const r = JSON.parse(out);
      ms.push(r.first);
      warm.push(r.second);
      findings = r.findings;
    }
    console.log(`| ${name} | ${stat(ms)} | ${stat(warm)} | ${findings} |`);
  }
}
