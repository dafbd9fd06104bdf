import { gain, type Table } from './table';
import type { ClusterResults } from '../suites/cluster';

/** One process vs two behind one port, ours and Better Auth's, with who used the machine's cores. */
export function clusterTable(results: ClusterResults, connections: number, cores: number): Table {
  const title = 'One process vs two behind one port (get-session, PostgreSQL + Redis)';
  const headers = ['server', 'processes', 'req/s', 'p50 ms', 'p99 ms', 'server cores', 'load generator cores', '× 1 process'];
  if (results.skipped) return { title, headers, rows: [], notes: [`skipped — ${results.skipped}`] };
  const rows: Table['rows'] = results.runs.map((run) => {
    const single = results.runs.find((other) => other.library === run.library && other.processes === 1);
    const ratio = run.processes === 1 ? null : gain(run.getSession.rps, single?.getSession.rps, 'higher');
    const { rps, p50, p99, serverCores, clientCores } = run.getSession;
    return [run.library === 'ours' ? 'ours' : 'Better Auth', run.processes, rps, p50, p99, serverCores, clientCores, ratio];
  });
  return {
    title,
    headers,
    rows,
    notes: [
      `get-session with the session cookie, ${connections} connections, median of the rounds; both sizes run as node:cluster workers ` +
        'behind the same primary (it owns the port and deals connections out in turn), on their own PostgreSQL database and Redis keys.',
      `This machine has ${cores} cores, and the load generator (autocannon, in the driver process) runs on them too: ` +
        '*load generator cores* is what it used meanwhile, *server cores* what the workers and the primary used. ' +
        'Two processes can only go as far as the cores the load generator leaves them, so on a small machine the ratio ' +
        'reads "how much of the idle CPU a second process turns into answers", not how a cluster of separate machines scales.',
    ],
  };
}
