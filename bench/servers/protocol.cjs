'use strict';
/**
 * What every bench server shares with the driver (bench/lib/child-server.ts). Plain CommonJS so that both the
 * ESM servers (better-auth is ESM-only) and the TypeScript ones load this one copy.
 *
 * - Every server answers on 127.0.0.1, a free port, and prints one line `READY {json}` with at least `port`.
 * - All servers share one secret and base URL, so a cookie signed for one is well-formed for the other.
 * - `GET /__bench/loop` answers the event-loop delay seen since the previous call (ms), then resets it:
 *   the event-loop bench reads it to tell "the loop was blocked" from "the CPU was busy".
 * - `GET /__bench/cpu` answers the CPU time the process has used (µs, thread pool included): the driver
 *   polls it after a run until the server is idle, because requests autocannon gave up on (password hashes
 *   still queued on the thread pool) would otherwise eat into the next measurement.
 * - Run as a `node:cluster` worker (servers/cluster.cjs), a server answers the primary's IPC message
 *   `bench:cpu` the same way, since an HTTP probe on the shared port reaches only one worker.
 * - Environment, for the cluster and flood sections: `BENCH_SKIP_SIGN_UP=1` (the bench user exists already:
 *   a second worker on the same database), `BENCH_REDIS_PREFIX` (workers of one cluster share their keys),
 *   `BENCH_RATE_LIMIT=on` (rate limiter on, client address from `X-Forwarded-For`).
 */
const { monitorEventLoopDelay } = require('node:perf_hooks');

const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';
const BENCH_ORIGIN = 'http://localhost:3000';
const BENCH_EMAIL = 'bench@example.com';
const BENCH_PASSWORD = 'bench password 1';
const LOOP_PATH = '/__bench/loop';
const CPU_PATH = '/__bench/cpu';

/** Better Auth's options in every bench server but the database: as close to ours as it allows. */
const BETTER_AUTH_OPTIONS = Object.freeze({
  secret: BENCH_SECRET,
  baseURL: BENCH_ORIGIN,
  emailAndPassword: { enabled: true },
  rateLimit: { enabled: false }, // as ours outside production; the flood section's limiter rows turn it on
  telemetry: { enabled: false },
  logger: { disabled: true },
});

function announceReady(server, extra = {}) {
  // Exit normally on the driver's SIGTERM: `node --cpu-prof` (BENCH_CPU_PROF) writes its profile only then.
  process.once('SIGTERM', () => process.exit(0));
  if (process.send) {
    process.on('message', (message) => {
      if (message !== 'bench:cpu') return;
      const { user, system } = process.cpuUsage();
      process.send({ benchCpuMicros: user + system });
    });
  }
  process.stdout.write(`READY ${JSON.stringify({ port: server.address().port, ...extra })}\n`);
}

/** What the bench environment asks of a server (see the header): read in one place for every server. */
function benchEnvironment(defaultRedisPrefix) {
  return {
    skipSignUp: process.env.BENCH_SKIP_SIGN_UP === '1',
    redisPrefix: process.env.BENCH_REDIS_PREFIX || defaultRedisPrefix,
    rateLimit: process.env.BENCH_RATE_LIMIT === 'on',
  };
}

/** Wraps a request listener so it also answers the two probes; every other request passes through. */
function withLoopProbe(listener) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const ms = (ns) => Math.round((ns / 1e6) * 100) / 100;
  const reply = (response, value) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(value));
  };
  return (request, response) => {
    if (request.url === CPU_PATH) {
      const { user, system } = process.cpuUsage();
      return reply(response, { micros: user + system });
    }
    if (request.url !== LOOP_PATH) return listener(request, response);
    const delay = { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
    histogram.reset();
    return reply(response, delay);
  };
}

module.exports = { BENCH_SECRET, BENCH_ORIGIN, BENCH_EMAIL, BENCH_PASSWORD, LOOP_PATH, CPU_PATH, BETTER_AUTH_OPTIONS, announceReady, benchEnvironment, withLoopProbe };
