// The machine a run was measured on: only ratios travel between machines, so every result says where it came from.
import { cpus, totalmem, release, platform } from 'node:os';
import { round } from '../soak/stats.js';

export interface MachineDescription {
  cpu: string;
  cores: number;
  memory_gb: number;
  node: string;
  os: string;
}

export function describeMachine(): MachineDescription {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memory_gb: round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}
