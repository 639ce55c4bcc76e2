// Shared by the benches: aligned output lines, CPU + wall timing, medians, and the machine line.
import { availableParallelism, cpus, loadavg } from 'node:os';

export function line(label: string, value: string): void {
  process.stdout.write(`${label.padEnd(66)} ${value}\n`);
}

export function heading(title: string): void {
  process.stdout.write(`\n${title}\n`);
  process.stdout.write(`${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, Node ${process.version}, load ${loadavg().map((value) => value.toFixed(1)).join(' ')}\n`);
}

export interface Timed<T> {
  value: T;
  wallMs: number;
  cpuMs: number;
}

export async function timed<T>(task: () => Promise<T> | T): Promise<Timed<T>> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await task();
  const used = process.cpuUsage(cpu);
  return { value, wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : value >= 1 ? `${value.toFixed(1)} ms` : `${value.toFixed(3)} ms`;
}

export function ratio(figure: number, reference: number): string {
  const value = figure / reference;
  return `${value >= 0.01 ? value.toFixed(3) : value.toPrecision(2)}×`;
}
