import autocannon from 'autocannon';
import { isSkipped, startServer, type RunningServer } from '../lib/child-server';
import { measure, type LoadResult } from '../lib/load';
import type { BenchOptions } from '../lib/options';
import { readLoopDelay, waitUntilIdle, type LoopDelay } from '../lib/probes';
import { getSession, signIn } from '../lib/scenarios';

/** Connections signing in while get-session is measured: enough to keep every thread-pool thread hashing. */
const SIGN_IN_CONNECTIONS = 8;

export interface LoopPhase {
  /** get-session at full load (the 32 connections): the loop is saturated by requests alone. */
  getSession: LoadResult;
  /** get-session from one connection: its p99 shows any stall of the loop directly, as does the loop delay. */
  single: LoadResult;
  /** The server's event-loop delay during the one-connection run. */
  loopDelay: LoopDelay;
  /** Sign-ins answered per second alongside (0 in the quiet phase). */
  signInRps: number;
}

export interface EventLoopResult {
  who: 'ours' | 'better-auth';
  quiet: LoopPhase;
  busy: LoopPhase;
}

/**
 * Item 3 of the issue: get-session latency alone, then while sign-ins keep both cores busy hashing, on each
 * library's memory adapter. At 32 connections the loop is saturated by get-session itself, so a stall caused by
 * hashing would hide in the queueing; a second, one-connection run and the server's own event-loop delay during
 * it show a blocked loop directly (a hash is ~90 ms of CPU: a loop that ran one would show delays that long).
 */
export async function runEventLoop(options: BenchOptions): Promise<EventLoopResult[]> {
  const results: EventLoopResult[] = [];
  for (const [who, file] of [['ours', 'bench/servers/ours.ts'], ['better-auth', 'bench/servers/better-auth.mjs']] as const) {
    console.log(`  … event loop: ${who}`);
    const server = await startServer({ file, args: ['memory'] });
    if (isSkipped(server)) throw new Error(`${file} skipped: ${server.skipped}`);
    try {
      const quiet = await phase(server, options, false);
      const busy = await phase(server, options, true);
      results.push({ who, quiet, busy });
    } finally {
      await server.stop();
    }
  }
  return results;
}

async function phase(server: RunningServer, options: BenchOptions, withSignIns: boolean): Promise<LoopPhase> {
  const load = { connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds };
  // Sign-ins start first and run past both measured runs, so hashing covers all of them.
  const background = withSignIns
    ? autocannon({
        url: server.url('/api/auth/sign-in/email'),
        connections: SIGN_IN_CONNECTIONS,
        duration: 2 * (options.warmupSeconds + options.durationSeconds) + 3,
        timeout: 30,
        ...signIn(),
      })
    : null;
  const url = server.url('/api/auth/get-session');
  const scenario = getSession(server.info.cookie!);
  const getSessionResult = await measure(url, scenario, { ...load, idleBetween: !withSignIns });
  await readLoopDelay(server.url('')); // resets the histogram
  const single = await measure(url, scenario, { ...load, connections: 1, idleBetween: !withSignIns });
  const loopDelay = await readLoopDelay(server.url(''));
  const signIns = background ? await background : null;
  if (background) await waitUntilIdle(server.url(''));
  const signInRps = signIns ? Math.round(((signIns.requests.total - signIns.non2xx) / signIns.duration) * 10) / 10 : 0;
  return { getSession: getSessionResult, single, loopDelay, signInRps };
}
