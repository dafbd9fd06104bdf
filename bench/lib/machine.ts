import { cpus, loadavg, totalmem } from 'node:os';

/** Where and when figures were taken: they mean nothing without it. */
export interface MachineInfo {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  /** 1-minute load average when the run started and ended: above ~0.5 before it, others were using the CPU. */
  loadBefore: number;
  loadAfter?: number;
}

export function describeMachine(): MachineInfo {
  const cores = cpus();
  return {
    date: new Date().toISOString(),
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadBefore: Number(loadavg()[0].toFixed(2)),
  };
}

export function machineLine(machine: MachineInfo): string {
  return `${machine.date.slice(0, 16).replace('T', ' ')} UTC · ${machine.cpu} × ${machine.cores} cores · ${machine.memoryGiB} GiB · Node ${machine.node} · load ${machine.loadBefore} → ${machine.loadAfter ?? '?'}`;
}
