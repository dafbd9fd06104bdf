import { isSkipped, startServer, type RunningServer } from '../lib/child-server';
import { freshPostgresDatabases } from '../lib/databases';
import { measure, type LoadOptions, type LoadResult } from '../lib/load';
import type { BenchOptions } from '../lib/options';
import { getSession } from '../lib/scenarios';

export type Library = 'ours' | 'better-auth';
const SERVER_FILES: Record<Library, string> = { ours: 'bench/servers/ours.ts', 'better-auth': 'bench/servers/better-auth.mjs' };
/** One process, then two: the "one process vs two", on PostgreSQL + Redis. */
const PROCESS_COUNTS = [1, 2] as const;

export interface ClusterRun {
  library: Library;
  processes: number;
  /** The round with the median get-session throughput. */
  getSession: LoadResult;
}

export interface ClusterResults {
  runs: ClusterRun[];
  /** Why the section did not run (PostgreSQL not reachable, Redis support not in the tree). */
  skipped?: string;
}

/**
 * Deliver 6 of the multi-process issue: get-session with PostgreSQL + Redis, served by one process and by two
 * behind one port (servers/cluster.cjs, node:cluster), ours and Better Auth's in the same run. Both sizes run
 * through the same cluster primary, so the only difference is the number of workers. All four servers stay up
 * and are measured in interleaved rounds (median kept), as the comparison does.
 */
export async function runCluster(options: BenchOptions): Promise<ClusterResults> {
  const names = PROCESS_COUNTS.flatMap((n) => [`cluster_ours_${n}`, `cluster_better_auth_${n}`]);
  const urls = await freshPostgresDatabases(names);
  if (typeof urls === 'string') return { runs: [], skipped: urls };
  const servers: Array<{ library: Library; processes: number; server: RunningServer }> = [];
  try {
    for (const library of ['ours', 'better-auth'] as const) {
      for (const processes of PROCESS_COUNTS) {
        const database = urls[`cluster_${library === 'ours' ? 'ours' : 'better_auth'}_${processes}`];
        const args = [String(processes), SERVER_FILES[library], 'postgres-redis', database];
        const server = await startServer({ file: 'bench/servers/cluster.cjs', args });
        if (isSkipped(server)) return { runs: [], skipped: `${library}: ${server.skipped}` };
        servers.push({ library, processes, server });
      }
    }
    const results = new Map<(typeof servers)[number], LoadResult[]>();
    for (let round = 0; round < options.rounds; round++) {
      for (const entry of servers) {
        console.log(`  … cluster: ${entry.library}, ${entry.processes} process(es), round ${round + 1} of ${options.rounds}`);
        const load: LoadOptions = {
          connections: options.connections,
          durationSeconds: options.durationSeconds,
          warmupSeconds: round === 0 ? options.warmupSeconds : 0,
          probeOrigin: `http://127.0.0.1:${entry.server.info.probePort as number}`,
        };
        const result = await measure(entry.server.url('/api/auth/get-session'), getSession(entry.server.info.cookie!), load);
        results.set(entry, [...(results.get(entry) ?? []), result]);
      }
    }
    return { runs: servers.map((entry) => ({ library: entry.library, processes: entry.processes, getSession: median(results.get(entry)!) })) };
  } finally {
    for (const { server } of servers) await server.stop();
  }
}

function median(runs: LoadResult[]): LoadResult {
  return [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)];
}
