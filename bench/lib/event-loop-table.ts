import type { Table } from './table';
import type { EventLoopResult } from '../suites/event-loop';

/** Item 3's table: get-session alone and beside sign-ins, with the server's own event-loop delay. */
export function eventLoopTable(results: readonly EventLoopResult[], connections: number): Table {
  const rows: Table['rows'] = [];
  for (const result of results) {
    for (const [name, phase] of [['alone', result.quiet], ['with sign-ins', result.busy]] as const) {
      rows.push([
        result.who === 'ours' ? 'ours' : 'Better Auth',
        name,
        phase.getSession.rps,
        phase.getSession.p50,
        phase.getSession.p99,
        phase.single.p99,
        phase.signInRps || null,
        phase.loopDelay.p99,
        phase.loopDelay.max,
      ]);
    }
  }
  return {
    title: 'Event loop under password hashing (memory adapter)',
    headers: ['server', 'get-session', 'req/s', 'p50 ms', 'p99 ms', '1-conn p99 ms', 'sign-in req/s', 'loop delay p99 ms', 'loop delay max ms'],
    rows,
    notes: [
      `req/s, p50, p99: get-session with ${connections} connections; "with sign-ins": 8 more connections sign in (one scrypt hash each) all along.`,
      '1-conn p99 and loop delay: get-session from a single connection, and how late the server\'s event loop ran its timers meanwhile ' +
        '(perf_hooks.monitorEventLoopDelay). A hash is ~90 ms of CPU: a loop that ran one would show delays that long; ' +
        'a loop that only shares the cores with hashing threads shows a few ms.',
    ],
  };
}
