import { isSkipped, startServer, type RunningServer, type ServerSpec } from '../lib/child-server';
import { freshPostgresDatabases, scratchDirectory } from '../lib/databases';
import { measure, type LoadOptions, type LoadResult } from '../lib/load';
import type { BenchOptions } from '../lib/options';
import { getSession, hashOnly, signIn, signUp } from '../lib/scenarios';

/** A cookie header of the real one's size, so the ceilings parse as much header as the auth servers. */
const CEILING_COOKIE = `better-auth.session_token=${'x'.repeat(43)}.${'y'.repeat(44)}%3D`;

/** `postgres-redis`: PostgreSQL as the system of record with Redis as secondary storage, on both sides. */
export type Backend = 'memory' | 'sqlite' | 'postgres' | 'postgres-redis';

/** The three flows measured on each library. */
export interface FlowResults {
  getSession: LoadResult;
  signIn: LoadResult;
  signUp: LoadResult;
}
export type Skipped = { skipped: string };

export interface BackendComparison {
  backend: Backend;
  ours: FlowResults | Skipped;
  theirs: FlowResults | Skipped;
  /** node:http JSON (memory) or node:http plus one indexed join (SQL): the most get-session could be. */
  ceiling: LoadResult | Skipped;
  /** node:http doing one scrypt per request, measured next to this backend's sign-ins. */
  hashCeiling: LoadResult | Skipped;
  /** Our server from the `--baseline` checkout, in the same get-session rounds. */
  baseline?: LoadResult | Skipped;
}

export interface ComparisonResults {
  backends: BackendComparison[];
}

type Contender = 'ceiling' | 'ours' | 'theirs' | 'baseline';

/** Where each contender keeps its data for one backend, and how to release it afterwards. */
interface Locations {
  ours?: string;
  /** Where the `--baseline` checkout's server keeps its data. */
  baseline?: string;
  theirs?: string;
  ceiling?: string;
  dispose(): void;
}

/**
 * Item 1 of the issue: for each backend, our server and Better Auth, each in its own process, on the same flows,
 * next to the node:http ceilings the figures are judged against.
 *
 * Only one server is under load at a time, but all of a backend's servers stay up and get-session is measured
 * in rounds (ceiling, ours, theirs, ceiling, ours, …), keeping each one's median: on a machine others share,
 * a slow minute then lowers one round of each contender instead of one contender's only figure.
 */
export async function runComparison(options: BenchOptions, backends: readonly Backend[]): Promise<ComparisonResults> {
  const hashServer = await startServer({ file: 'bench/servers/ceiling-hash.mjs' });
  if (isSkipped(hashServer)) throw new Error(hashServer.skipped);
  const results: BackendComparison[] = [];
  try {
    for (const backend of backends) results.push(await compareOn(backend, hashServer, options));
  } finally {
    await hashServer.stop();
  }
  return { backends: results };
}

async function compareOn(backend: Backend, hashServer: RunningServer, options: BenchOptions): Promise<BackendComparison> {
  const where = await locations(backend);
  if (typeof where === 'string') {
    console.log(`  ${backend}: skipped — ${where}`);
    const skipped = { skipped: where };
    return { backend, ours: skipped, theirs: skipped, ceiling: skipped, hashCeiling: skipped };
  }
  const servers = new Map<Contender, RunningServer>();
  const skips = new Map<Contender, string>();
  try {
    for (const [contender, spec] of specs(backend, where, options.baseline)) {
      const server = await startServer(spec);
      if (isSkipped(server)) {
        console.log(`    ${backend}, ${contender}: skipped — ${server.skipped}`);
        skips.set(contender, server.skipped);
      } else servers.set(contender, server);
    }
    const load: LoadOptions = { connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds };
    log(`${backend}: get-session, ${options.rounds} rounds of ${[...servers.keys()].join(', ')}`);
    const getSessions = await inRounds(servers, options.rounds, load, (contender, server, roundLoad) =>
      measure(server.url(contender === 'ceiling' ? '/' : '/api/auth/get-session'), getSession(contender === 'ceiling' ? CEILING_COOKIE : server.info.cookie!), roundLoad),
    );
    log(`${backend}: sign-in (next to the hash ceiling), sign-up`);
    const hashCeiling = await measure(hashServer.url('/'), hashOnly(), load);
    const flows = async (contender: Contender): Promise<FlowResults | Skipped> => {
      const server = servers.get(contender);
      if (!server) return { skipped: skips.get(contender) ?? 'not started' };
      const signInResult = await measure(server.url('/api/auth/sign-in/email'), signIn(), load);
      const signUpResult = await measure(server.url('/api/auth/sign-up/email'), signUp(`${contender}-${backend}`), load);
      return { getSession: median(getSessions.get(contender)!), signIn: signInResult, signUp: signUpResult };
    };
    const ours = await flows('ours');
    const theirs = await flows('theirs');
    const ceilingRuns = getSessions.get('ceiling');
    const ceiling = ceilingRuns ? median(ceilingRuns) : { skipped: skips.get('ceiling') ?? 'not started' };
    if (!options.baseline) return { backend, ours, theirs, ceiling, hashCeiling };
    const baselineRuns = getSessions.get('baseline');
    const baseline = baselineRuns ? median(baselineRuns) : { skipped: skips.get('baseline') ?? 'not started' };
    return { backend, ours, theirs, ceiling, hashCeiling, baseline };
  } finally {
    for (const server of servers.values()) await server.stop();
    where.dispose();
  }
}

/** Runs `run` on every server in turn, `rounds` times over; only the first round warms up. */
async function inRounds(
  servers: Map<Contender, RunningServer>,
  rounds: number,
  load: LoadOptions,
  run: (contender: Contender, server: RunningServer, load: LoadOptions) => Promise<LoadResult>,
): Promise<Map<Contender, LoadResult[]>> {
  const results = new Map<Contender, LoadResult[]>();
  for (let round = 0; round < rounds; round++) {
    for (const [contender, server] of servers) {
      const result = await run(contender, server, round === 0 ? load : { ...load, warmupSeconds: 0 });
      results.set(contender, [...(results.get(contender) ?? []), result]);
    }
  }
  return results;
}

/** The run with the median throughput (its latencies and CPU figures come with it, from the same run). */
function median(runs: LoadResult[]): LoadResult {
  return [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)];
}

function specs(backend: Backend, where: Locations, baseline: string | undefined): Array<[Contender, ServerSpec]> {
  const args = (location: string | undefined) => (location === undefined ? [backend] : [backend, location]);
  // With Redis the ceiling is still the bare PostgreSQL join: what the cache has to beat.
  const ceilingBackend = backend === 'postgres-redis' ? 'postgres' : backend;
  const ceiling: ServerSpec = backend === 'memory' ? { file: 'bench/servers/ceiling-json.mjs' } : { file: 'bench/servers/ceiling-join.mjs', args: [ceilingBackend, where.ceiling!] };
  const contenders: Array<[Contender, ServerSpec]> = [
    ['ceiling', ceiling],
    ['ours', { file: 'bench/servers/ours.ts', args: args(where.ours) }],
    ['theirs', { file: 'bench/servers/better-auth.mjs', args: args(where.theirs) }],
  ];
  // A checkout before Redis support would run postgres-redis as plain PostgreSQL: no baseline row for it.
  if (baseline && backend !== 'postgres-redis') contenders.push(['baseline', { file: 'bench/servers/ours.ts', args: args(where.baseline), cwd: baseline }]);
  return contenders;
}

async function locations(backend: Backend): Promise<Locations | string> {
  if (backend === 'memory') return { dispose: () => {} };
  if (backend === 'sqlite') {
    // On disk, as a deployment would be; each contender its own file.
    const scratch = scratchDirectory();
    return {
      ours: `sqlite:${scratch.path('ours.sqlite')}`,
      baseline: `sqlite:${scratch.path('baseline.sqlite')}`,
      theirs: scratch.path('theirs.sqlite'),
      ceiling: scratch.path('ceiling.sqlite'),
      dispose: scratch.dispose,
    };
  }
  const urls = await freshPostgresDatabases(['ours', 'baseline', 'better_auth', 'ceiling'] as const);
  if (typeof urls === 'string') return urls;
  return { ours: urls.ours, baseline: urls.baseline, theirs: urls.better_auth, ceiling: urls.ceiling, dispose: () => {} };
}

function log(message: string): void {
  console.log(`  … ${message}`);
}
