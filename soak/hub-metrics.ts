// The hub's memory and CPU, read from /proc for its process id (Linux): no HTTP route, nothing added to the hub.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface HubSample {
  /** Milliseconds since the soak's shoppers started. */
  atMs: number;
  rssBytes: number;
  /** User + system CPU time of the hub so far, in seconds. */
  cpuSeconds: number;
}

/** Kernel clock ticks per second, the unit of /proc/<pid>/stat's CPU times. */
const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** VmRSS of /proc/<pid>/status, in bytes. */
export function readRssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error(`/proc/${pid}/status has no VmRSS line`);
  return Number(match[1]) * 1024;
}

/** utime + stime of /proc/<pid>/stat, in seconds. */
export function readCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of the whole line are the 12th and 13th after the name (state is field 3).
  const user = Number(fields[11]);
  const system = Number(fields[12]);
  if (!Number.isFinite(user) || !Number.isFinite(system)) throw new Error(`/proc/${pid}/stat: no CPU times`);
  return (user + system) / ticksPerSecond;
}

/** Samples the hub every `everyMs` until stopped; `stop()` returns every sample taken. */
export function sampleHub(pid: number, startedAt: number, everyMs: number): { stop(): HubSample[] } {
  const samples: HubSample[] = [];
  const take = () => {
    try {
      samples.push({
        atMs: Date.now() - startedAt,
        rssBytes: readRssBytes(pid),
        cpuSeconds: readCpuSeconds(pid),
      });
    } catch {
      // The hub exited: the soak notices that through its errors; a missing sample is not a figure.
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}
