import { gain, type Table } from './table';
import type { ScaleResult } from '../suites/scale';

/** Item 2's table: get-session and heap per stored session at each population size, ours and Better Auth's. */
export function scaleTable(results: readonly ScaleResult[], connections: number): Table {
  const first = results[0];
  return {
    title: 'Memory adapter at scale (users with one session each)',
    headers: ['users', 'ours req/s', 'ours p99 ms', 'ours CPU µs/req', 'CPU vs smallest', 'Better Auth req/s', 'Better Auth p99 ms', '× better', 'ours B/session', 'ours B/user', 'Better Auth B/session'],
    rows: results.map((point) => [
      point.users,
      point.ours.getSession.rps,
      point.ours.getSession.p99,
      point.ours.getSession.cpuMicrosPerRequest,
      first ? `${(point.ours.getSession.cpuMicrosPerRequest / first.ours.getSession.cpuMicrosPerRequest).toFixed(2)}×` : null,
      point.theirs.getSession.rps,
      point.theirs.getSession.p99,
      gain(point.ours.getSession.rps, point.theirs.getSession.rps, 'higher'),
      point.ours.heapPerSession,
      point.ours.heapPerUser,
      point.theirs.heapPerSession,
    ]),
    notes: [
      `get-session with ${connections} connections cycling through the cookies of up to 4,096 users spread over the population.`,
      '"CPU vs smallest": our server CPU per request against the smallest size (flat = ~1.00×); CPU time, unlike req/s, hardly moves with other load on the machine.',
      'B/session, B/user: heap growth after a full GC when the sessions (users) were added, divided by their number; ' +
        'a session holds its own id, token digest, user agent, address and three Dates, plus its index entries.',
    ],
  };
}
