// Node-side set-up shared by bench/run.mjs and bench/node.mjs.
import { spawnSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** V8's `gc()` without restarting Node with --expose-gc (used between samples, see measure.mjs). */
export function exposeGc() {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc');
}

/**
 * Puts this process (all its threads, and the processes it starts later:
 * Chromium, the native example) at real-time priority (SCHED_RR 1) so that
 * other jobs on a shared machine do not preempt a sample. Both sides of every
 * comparison run in the same process, so they get the same treatment. Needs
 * CAP_SYS_NICE (root); returns false (normal priority) where it is refused or
 * with --no-rt. The kernel's RT throttling (sched_rt_runtime_us) still leaves
 * 5% of each second to everything else.
 */
export function realtime(args) {
  if (args.includes('--no-rt')) return false;
  return setRealtime(true);
}

/**
 * This process's threads to real-time (SCHED_RR 1) or normal priority (SCHED_OTHER);
 * processes started from then on inherit it, running ones keep theirs. Returns whether it worked.
 */
export function setRealtime(on) {
  const policy = on ? ['--rr', '--pid', '1'] : ['--other', '--pid', '0'];
  return spawnSync('chrt', ['--all-tasks', ...policy, String(process.pid)], { stdio: 'ignore' }).status === 0;
}
