/**
 * `npm run bench`: GET /api/auth/get-session requests per second on the memory adapter, measured with
 * autocannon (32 connections, 10 s after a 2 s warm-up) against a server in its own process, so the load
 * generator and the server do not share one event loop.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const CONNECTIONS = 32;
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);

function startServer(): Promise<{ port: number; token: string; stop: () => void }> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'bench/serve-memory.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^READY (\d+) (\S+)$/.exec(line);
      if (match) resolve({ port: Number(match[1]), token: match[2], stop: () => child.kill() });
    });
  });
}

function load(url: string, token: string, duration: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration, headers: { authorization: `Bearer ${token}` } });
}

async function main(): Promise<void> {
  const server = await startServer();
  try {
    const url = `http://127.0.0.1:${server.port}/api/auth/get-session`;
    await load(url, server.token, 2);
    const result = await load(url, server.token, DURATION_SECONDS);
    const rows = {
      'requests/s (mean)': Math.round(result.requests.average),
      'latency p50 ms': result.latency.p50,
      'latency p99 ms': result.latency.p99,
      'non-2xx': result.non2xx,
      errors: result.errors,
    };
    console.log(`get-session, memory adapter, ${CONNECTIONS} connections, ${DURATION_SECONDS} s`);
    console.table(rows);
  } finally {
    server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
