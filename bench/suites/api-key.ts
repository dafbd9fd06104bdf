import { isSkipped, startServer, type RunningServer } from '../lib/child-server';
import { measure, type LoadOptions, type LoadResult } from '../lib/load';
import type { BenchOptions } from '../lib/options';
import { getSession } from '../lib/scenarios';
import { gain, type Table } from '../lib/table';

/** The four get-session runs of the section, each the median of its interleaved rounds. */
export interface ApiKeyResults {
  /** get-session presenting an API key in `x-api-key`. */
  oursWithKey: LoadResult | string;
  theirsWithKey: LoadResult | string;
  /** get-session by cookie with the API-key plugin mounted, and with no such plugin: the header check's cost. */
  oursCookieWithPlugin: LoadResult | string;
  oursCookieWithoutPlugin: LoadResult | string;
}

type Run = keyof ApiKeyResults;

const median = (runs: LoadResult[]): LoadResult => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)];

/**
 * get-session authenticated by an API key, ours against better-auth with `@better-auth/api-key` (memory
 * adapters, sessions for keys on both), and ours by cookie with and without the plugin mounted, all in
 * interleaved rounds (median kept) so a busy minute hits one round of each.
 */
export async function runApiKey(options: BenchOptions): Promise<ApiKeyResults> {
  const servers: Record<'ours' | 'plain' | 'theirs', RunningServer | string> = { ours: 'not started', plain: 'not started', theirs: 'not started' };
  try {
    for (const [name, file, args] of [
      ['ours', 'bench/servers/api-key-ours.ts', ['plugin']],
      ['plain', 'bench/servers/api-key-ours.ts', ['plain']],
      ['theirs', 'bench/servers/api-key-better-auth.mjs', []],
    ] as const) {
      const server = await startServer({ file, args: [...args] });
      servers[name] = isSkipped(server) ? server.skipped : server;
    }
    const load: LoadOptions = { connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds };
    const plan: Array<[Run, RunningServer | string, 'key' | 'cookie']> = [
      ['oursWithKey', servers.ours, 'key'],
      ['theirsWithKey', servers.theirs, 'key'],
      ['oursCookieWithPlugin', servers.ours, 'cookie'],
      ['oursCookieWithoutPlugin', servers.plain, 'cookie'],
    ];
    const runs = new Map<Run, LoadResult[]>();
    for (let round = 0; round < options.rounds; round++) {
      for (const [run, server, by] of plan) {
        if (typeof server === 'string') continue;
        console.log(`  … api-key: ${run}, round ${round + 1} of ${options.rounds}`);
        const scenario = by === 'key' ? { method: 'GET' as const, headers: { 'x-api-key': String(server.info.apiKey) } } : getSession(server.info.cookie!);
        const result = await measure(server.url('/api/auth/get-session'), scenario, round === 0 ? load : { ...load, warmupSeconds: 0 });
        runs.set(run, [...(runs.get(run) ?? []), result]);
      }
    }
    const pick = (run: Run, server: RunningServer | string) => (typeof server === 'string' ? server : median(runs.get(run)!));
    return {
      oursWithKey: pick('oursWithKey', servers.ours),
      theirsWithKey: pick('theirsWithKey', servers.theirs),
      oursCookieWithPlugin: pick('oursCookieWithPlugin', servers.ours),
      oursCookieWithoutPlugin: pick('oursCookieWithoutPlugin', servers.plain),
    };
  } finally {
    for (const server of Object.values(servers)) if (typeof server !== 'string') await server.stop();
  }
}

const rps = (load: LoadResult | string) => (typeof load === 'string' ? `skipped: ${load}` : `${Math.round(load.rps).toLocaleString('en-US')}${load.non2xx || load.errors ? ' ⚠ non-2xx' : ''}`);
const cpu = (load: LoadResult | string) => (typeof load === 'string' ? '' : `${load.cpuMicrosPerRequest.toFixed(0)} µs`);
const both = (a: LoadResult | string, b: LoadResult | string) => (typeof a === 'string' || typeof b === 'string' ? '' : (gain(a.rps, b.rps, 'higher') ?? ''));

/** Two rows: the key against better-auth, and the cookie path with the plugin against without it. */
export function apiKeyTable(result: ApiKeyResults): Table {
  return {
    title: 'get-session with an API key (memory)',
    headers: ['scenario', 'ours req/s', 'ours CPU/req', 'compared with', 'its req/s', 'its CPU/req', 'gain'],
    rows: [
      ['get-session, x-api-key', rps(result.oursWithKey), cpu(result.oursWithKey), 'better-auth + @better-auth/api-key', rps(result.theirsWithKey), cpu(result.theirsWithKey), both(result.oursWithKey, result.theirsWithKey)],
      ['get-session, cookie, ApiKeyPlugin mounted', rps(result.oursCookieWithPlugin), cpu(result.oursCookieWithPlugin), 'ours without the plugin', rps(result.oursCookieWithoutPlugin), cpu(result.oursCookieWithoutPlugin), both(result.oursCookieWithPlugin, result.oursCookieWithoutPlugin)],
    ],
    notes: [
      '`npm run bench -- --only api-key`; enableSessionForAPIKeys on both sides, per-key rate limits off on both (better-auth still writes the key row on every request; ours writes only for a quota or a limit).',
      'The second row is the cost of the header check when no key is sent: it should be within noise.',
    ],
  };
}
