import autocannon from 'autocannon';
import { isSkipped, startServer, type RunningServer } from '../lib/child-server';
import { freshPostgresDatabases } from '../lib/databases';
import { measure, type LoadOptions, type LoadResult } from '../lib/load';
import type { BenchOptions } from '../lib/options';
import { readLoopDelay, type LoopDelay } from '../lib/probes';
import { getSession, wrongPasswordFlood } from '../lib/scenarios';
import { statusMix, type StatusMix } from '../lib/status-mix';
import type { Library } from './cluster';

/**
 * The flood: wrong-password sign-ins for the bench user from 256 client addresses, 300 connections sending
 * 300 requests per second in all. 300 in flight is past our bounded hasher's 4 running + 256 waiting, so
 * without a limiter its 503s show; 256 addresses send ~1.2 requests per second each, so a per-address limit
 * of 3 per 10 s lets a quarter of them reach the hasher, and only a per-account limit stops them.
 */
export const FLOOD = { connections: 300, requestsPerSecond: 300, addresses: 256 } as const;
/** get-session while it runs: a steady page-view load (10 connections, 300 req/s in all), not a saturating one. */
export const PAGE_VIEWS = { connections: 10, requestsPerSecond: 300 } as const;
/** The flood starts this long before get-session is measured, so the hash queue is full by then. */
const FLOOD_LEAD_SECONDS = 2;

export interface FloodFigures {
  /** Flood requests answered (any status) per second. */
  answeredPerSecond: number;
  mix: StatusMix;
}

export interface FloodPhase {
  /** get-session at the page-view rate. */
  getSession: LoadResult;
  /** The server's event-loop delay over the get-session run: tells a blocked loop from a CPU-starved one. */
  loopDelay: LoopDelay;
  /** Absent in the quiet phase. */
  flood?: FloodFigures;
}

export interface FloodRun {
  library: Library;
  rateLimit: boolean;
  quiet: FloodPhase;
  flooded: FloodPhase;
}

export interface FloodResults {
  runs: FloodRun[];
  skipped?: string;
}

const SERVER_FILES: Record<Library, string> = { ours: 'bench/servers/ours.ts', 'better-auth': 'bench/servers/better-auth.mjs' };

/**
 * Deliver 6 of the multi-process issue: get-session latency while a sign-in flood runs, with the rate limiter
 * off and on, ours and Better Auth's, each one process on PostgreSQL + Redis (the deployment the issue is
 * about; both limiters keep their counters in Redis). Each server is measured quiet, then flooded, then
 * stopped: the hashes a flood leaves queued would take longer to drain than a fresh start.
 */
export async function runFlood(options: BenchOptions): Promise<FloodResults> {
  const configurations = (['ours', 'better-auth'] as const).flatMap((library) => [false, true].map((rateLimit) => ({ library, rateLimit })));
  const databaseOf = ({ library, rateLimit }: { library: Library; rateLimit: boolean }) => `flood_${library.replace('-', '_')}_${rateLimit ? 'limited' : 'open'}`;
  const urls = await freshPostgresDatabases(configurations.map(databaseOf));
  if (typeof urls === 'string') return { runs: [], skipped: urls };
  const runs: FloodRun[] = [];
  for (const configuration of configurations) {
    const { library, rateLimit } = configuration;
    console.log(`  … flood: ${library}, rate limiter ${rateLimit ? 'on' : 'off'}`);
    const server = await startServer({
      file: SERVER_FILES[library],
      args: ['postgres-redis', urls[databaseOf(configuration)]],
      env: { BENCH_RATE_LIMIT: rateLimit ? 'on' : 'off' },
    });
    if (isSkipped(server)) return { runs, skipped: `${library}: ${server.skipped}` };
    try {
      const quiet = await phase(server, options, false);
      const flooded = await phase(server, options, true);
      runs.push({ library, rateLimit, quiet, flooded });
    } finally {
      await server.stop();
    }
  }
  return { runs };
}

async function phase(server: RunningServer, options: BenchOptions, withFlood: boolean): Promise<FloodPhase> {
  const load: LoadOptions = {
    connections: PAGE_VIEWS.connections,
    overallRate: PAGE_VIEWS.requestsPerSecond,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    idleBetween: !withFlood,
  };
  const getSessions = async () => {
    await readLoopDelay(server.url('')); // resets the histogram
    const result = await measure(server.url('/api/auth/get-session'), getSession(server.info.cookie!), load);
    return { getSession: result, loopDelay: await readLoopDelay(server.url('')) };
  };
  if (!withFlood) return getSessions();
  const floodSeconds = FLOOD_LEAD_SECONDS + options.warmupSeconds + options.durationSeconds + 1;
  const flood = autocannon({
    url: server.url('/api/auth/sign-in/email'),
    connections: FLOOD.connections,
    overallRate: FLOOD.requestsPerSecond,
    duration: floodSeconds,
    timeout: 30,
    ...wrongPasswordFlood(FLOOD.addresses),
  });
  await new Promise((resolve) => setTimeout(resolve, FLOOD_LEAD_SECONDS * 1000));
  const measured = await getSessions();
  const floodResult = await flood;
  const mix = statusMix(floodResult.statusCodeStats as Record<string, { count: number }>, floodResult.errors + floodResult.timeouts);
  const answeredPerSecond = floodResult.requests.total / (floodResult.duration || floodSeconds);
  return { ...measured, flood: { answeredPerSecond: Math.round(answeredPerSecond * 10) / 10, mix } };
}
