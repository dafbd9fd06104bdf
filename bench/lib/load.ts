import autocannon from 'autocannon';
import { cpuMicros, waitUntilIdle } from './probes';

/** What one autocannon run measured, reduced to the figures the report shows. */
export interface LoadResult {
  /** Mean requests per second over the measured window (2xx only; see `non2xx`). */
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  /** Answers that were not 2xx, and socket errors/timeouts: a run with either is flagged in the report. */
  non2xx: number;
  errors: number;
  total: number;
  /**
   * Server CPU time per answered request (µs), thread pool included. Unlike req/s it hardly moves when other
   * processes share the machine, so it is the figure to compare between noisy runs.
   */
  cpuMicrosPerRequest: number;
  /** Cores the server used on average over the measured run (CPU time ÷ wall time). */
  serverCores: number;
  /** Wall time of the measured run as autocannon timed it (a busy machine can stretch it past the nominal one). */
  seconds: number;
  /** Cores this driver process (autocannon, and any other load it runs meanwhile) used over the same run. */
  clientCores: number;
}

/** One request shape to fire, in autocannon's terms (a fixed list cycles; `setupRequest` makes each one new). */
export type Scenario = Pick<autocannon.Options, 'method' | 'headers' | 'body' | 'requests'>;

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  /** A short unmeasured run first, so JIT warm-up and first-connection costs are not in the figures. */
  warmupSeconds: number;
  /** Wait for the server to go idle around the measured run (default); off when other load runs on purpose. */
  idleBetween?: boolean;
  /** Where the CPU probe answers, when not on the measured URL's origin (a cluster's primary). */
  probeOrigin?: string;
  /** Requests per second over all connections (autocannon `overallRate`); unset: as fast as answers come. */
  overallRate?: number;
}

/**
 * Warms up, then measures one scenario against one URL of a bench server. Before and after the measured run
 * it waits for the server to go idle (see `waitUntilIdle`), so runs never overlap.
 */
export async function measure(url: string, scenario: Scenario, options: LoadOptions): Promise<LoadResult> {
  const server = options.probeOrigin ?? new URL(url).origin;
  const rate = options.overallRate;
  if (options.warmupSeconds > 0) await fire(url, scenario, options.connections, options.warmupSeconds, rate);
  const idle = options.idleBetween === false ? async () => {} : () => waitUntilIdle(server);
  await idle();
  const cpuBefore = await cpuMicros(server);
  const clientBefore = process.cpuUsage();
  const result = await fire(url, scenario, options.connections, options.durationSeconds, rate);
  const clientUsed = process.cpuUsage(clientBefore);
  const cpuUsed = (await cpuMicros(server)) - cpuBefore;
  await idle();
  const ok = result.requests.total - result.non2xx;
  const seconds = result.duration > 0 ? result.duration : options.durationSeconds;
  return {
    // autocannon's `requests.average` counts every answer; a server answering 401s fast must not look fast.
    rps: Math.round((ok / seconds) * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: Math.round(result.latency.average * 100) / 100,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
    cpuMicrosPerRequest: result.requests.total > 0 ? Math.round((cpuUsed / result.requests.total) * 10) / 10 : 0,
    seconds,
    serverCores: cores(cpuUsed, seconds),
    clientCores: cores(clientUsed.user + clientUsed.system, seconds),
  };
}

function cores(cpuMicrosUsed: number, seconds: number): number {
  return Math.round((cpuMicrosUsed / 1e6 / seconds) * 100) / 100;
}

function fire(url: string, scenario: Scenario, connections: number, duration: number, overallRate?: number): Promise<autocannon.Result> {
  // Generous timeout: Better Auth's memory adapter at a million sessions takes seconds per answer.
  // At a fixed rate autocannon would "correct" latencies for coordinated omission with an expected interval of
  // ceil(1 / rate) = 1 ms, adding dozens of made-up samples per slow answer: raw latencies are reported instead,
  // and requests a slow server kept from being sent show as a lower throughput than the rate asked for.
  const rate = overallRate ? { overallRate, ignoreCoordinatedOmission: true } : {};
  return autocannon({ url, connections, duration, timeout: 30, ...rate, ...scenario });
}
