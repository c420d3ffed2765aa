/**
 * The machine a run happened on, printed with the figures: CPU model and count, memory,
 * Node version and the load average (other processes share the CPUs and skew timings).
 */
import { cpus, loadavg, totalmem } from 'node:os';

export const machineLine = (): string => {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const memory = (totalmem() / 2 ** 30).toFixed(1);
  return `${cpu}, ${cpus().length} CPUs, ${memory} GiB, Node ${process.version}, ${process.platform}`;
};

export const loadLine = (): string => {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return `load average ${one.toFixed(2)} ${five.toFixed(2)} ${fifteen.toFixed(2)}`;
};
