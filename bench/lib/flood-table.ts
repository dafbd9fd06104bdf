import { percent } from './status-mix';
import type { Table } from './table';
import { FLOOD, PAGE_VIEWS, type FloodPhase, type FloodResults } from '../suites/flood';

/** get-session latency alone and under a wrong-password flood, rate limiter off and on, with how the flood was answered. */
export function floodTable(results: FloodResults): Table {
  const title = 'get-session under a sign-in flood (PostgreSQL + Redis, one process)';
  const headers = ['server', 'rate limiter', 'flood', 'get-session req/s', 'answered', 'p50 ms', 'p99 ms', 'server cores', 'loop delay max ms', 'flood answers/s', '200', '401', '429', '503', 'other'];
  const rows: Table['rows'] = [];
  for (const run of results.runs) {
    for (const [name, phase] of [['none', run.quiet], ['wrong passwords', run.flooded]] as const) {
      rows.push([run.library === 'ours' ? 'ours' : 'Better Auth', run.rateLimit ? 'on' : 'off', name, ...figures(phase)]);
    }
  }
  return {
    title,
    headers,
    rows,
    notes: [
      ...(results.skipped ? [`skipped — ${results.skipped}`] : []),
      `get-session: a steady page-view load of ${PAGE_VIEWS.requestsPerSecond} req/s over ${PAGE_VIEWS.connections} connections with the ` +
        'session cookie (not a saturating one, so its latency shows how the server treats a user, not its own queue). ' +
        '*answered*: answers (any status) in the run ÷ the requests the rate asked for; a connection waiting for an answer sends ' +
        'nothing, so a low share means page views stalled. p50/p99 are raw latencies of the answered ones (— when none was). ' +
        '*server cores*: the server\'s CPU time over the run (hashing threads included); *loop delay max*: the longest its event ' +
        'loop ran late meanwhile. Slow page views with a short loop delay mean a CPU-starved server, not a blocked loop.',
      `flood: POST /sign-in/email for the bench user with a wrong password, ${FLOOD.requestsPerSecond} req/s over ${FLOOD.connections} ` +
        `connections, each request from the next of ${FLOOD.addresses} client addresses in X-Forwarded-For (both servers believe it ` +
        'here: ours with trustProxyHeaders, Better Auth by default). It starts before get-session is measured and ends after. ' +
        'A connection sends again only once answered, so a server that holds requests in a queue also slows the flood down.',
      '200/401/429/503/other: shares of the flood\'s requests; other = any other status, socket errors and timeouts (30 s). ' +
        '401 = a password hash was checked; 429 = refused by the rate limiter; 503 = refused by our bounded hasher (queue full).',
      'Limiter on: ours counts per client address and per account (sign-in 3 per 10 s each); Better Auth per client address only ' +
        '(its default sign-in rule, 3 per 10 s), with get-session exempted as ours is by default. Both count in Redis.',
    ],
  };
}

function figures(phase: FloodPhase): Array<string | number | null> {
  const { rps, total, seconds } = phase.getSession;
  // No answer at all: autocannon's percentiles are 0, which would read as fast.
  const [p50, p99] = total === 0 ? [null, null] : [phase.getSession.p50, phase.getSession.p99];
  const answered = percent(Math.min(1, total / (PAGE_VIEWS.requestsPerSecond * seconds)));
  const getSession = [rps, answered, p50, p99, phase.getSession.serverCores, phase.loopDelay.max];
  if (!phase.flood) return [...getSession, null, null, null, null, null, null];
  const { mix } = phase.flood;
  return [...getSession, phase.flood.answeredPerSecond, percent(mix.ok), percent(mix.unauthorized), percent(mix.tooMany), percent(mix.unavailable), percent(mix.other)];
}
