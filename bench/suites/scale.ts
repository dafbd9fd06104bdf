import { CookieSigner } from '../../src/crypto/cookie-signer';
import { isSkipped, startServer, type RunningServer } from '../lib/child-server';
import { measure, type LoadResult } from '../lib/load';
import type { BenchOptions } from '../lib/options';
import { scaleToken } from '../lib/scale-population.cjs';
import { getSessionRotating } from '../lib/scenarios';
import { BENCH_SECRET } from '../servers/protocol.cjs';

/** One library at one population size. */
export interface ScalePoint {
  getSession: LoadResult;
  heapPerUser: number;
  heapPerSession: number;
  populateMs: number;
}

export interface ScaleResult {
  users: number;
  ours: ScalePoint;
  theirs: ScalePoint;
}

/** Distinct users whose cookies the load cycles through: enough that lookups are not one cached row. */
const SAMPLED_USERS = 4096;

/**
 * Item 2 of the issue: each memory adapter holding 1 thousand, 100 thousand and 1 million users with a
 * session each; get-session across many of those users, and the heap each stored session costs.
 */
export async function runScale(options: BenchOptions): Promise<ScaleResult[]> {
  const results: ScaleResult[] = [];
  for (const users of options.scaleSizes) {
    const cookies = sampleCookies(users);
    const ours = await measureAt('bench/servers/scale-ours.ts', users, cookies, options);
    const theirs = await measureAt('bench/servers/scale-better-auth.mjs', users, cookies, options);
    results.push({ users, ours, theirs });
  }
  return results;
}

async function measureAt(file: string, users: number, cookies: string[], options: BenchOptions): Promise<ScalePoint> {
  console.log(`  … scale: ${users.toLocaleString('en-US')} users, ${file.includes('better-auth') ? 'better-auth' : 'ours'}`);
  const server = await startServer({
    file,
    args: [String(users)],
    // A million users with a session each take ~2 GB; the default old space would be too small.
    nodeFlags: ['--expose-gc', '--max-old-space-size=8192'],
    startTimeoutMs: 10 * 60_000,
  });
  if (isSkipped(server)) throw new Error(`${file} skipped: ${server.skipped}`);
  try {
    const load = { connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds };
    const getSession = await measure(server.url('/api/auth/get-session'), getSessionRotating(cookies), load);
    return { getSession, ...heapFigures(server) };
  } finally {
    await server.stop();
  }
}

/** What the scale servers measured while populating, from their READY line. */
function heapFigures(server: RunningServer): Omit<ScalePoint, 'getSession'> {
  const { heapPerUser, heapPerSession, populateMs } = server.info;
  return { heapPerUser: Number(heapPerUser), heapPerSession: Number(heapPerSession), populateMs: Number(populateMs) };
}

/** Cookies of users spread evenly over the whole population (the same users for both libraries). */
function sampleCookies(users: number): string[] {
  const signer = new CookieSigner(BENCH_SECRET);
  const count = Math.min(SAMPLED_USERS, users);
  const step = users / count;
  return Array.from({ length: count }, (_, k) => {
    const user = Math.floor(k * step + (k * 7919) % Math.max(1, Math.floor(step)));
    return `better-auth.session_token=${encodeURIComponent(signer.sign(scaleToken(user)))}`;
  });
}
