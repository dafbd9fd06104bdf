/**
 * The scale bench's server: our memory adapter holding N users with a session each, written through the
 * adapter contract (no HTTP, no password hashing: a million scrypt hashes would take hours). Usage: scale-ours.ts <N>
 * Prints `READY {"port", "heapPerUser", "heapPerSession", "populateMs"}`; run with --expose-gc.
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import { BetterAuth, toNodeHandler } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { SessionManagementPlugin } from 'better-auth-entities/plugins';
import { digestToken } from '../../src/crypto/session-token';
import { scaleToken, sessionFields, settledHeap, userFields } from '../lib/scale-population.cjs';
import { BENCH_ORIGIN, BENCH_SECRET, announceReady, withLoopProbe } from './protocol.cjs';

/** Heap growth per user and per session while `count` of each are written; ids are kept outside the heap figures. */
async function populate(db: MemoryDatabaseAdapter, count: number): Promise<{ heapPerUser: number; heapPerSession: number }> {
  const userIds: string[] = new Array(count).fill('');
  const empty = settledHeap();
  for (let i = 0; i < count; i++) userIds[i] = (await db.createUser(userFields(i))).id;
  const withUsers = settledHeap();
  const now = Date.now();
  for (let i = 0; i < count; i++) await db.createSession({ token: digestToken(scaleToken(i)), userId: userIds[i], ...sessionFields(i, now) });
  const withSessions = settledHeap();
  return { heapPerUser: Math.round((withUsers - empty) / count), heapPerSession: Math.round((withSessions - withUsers) / count) };
}

async function main(): Promise<void> {
  const count = Number(process.argv[2]);
  const started = Date.now();
  // A throwaway round first: compiled code, hidden classes and the like must not be counted as per-session heap.
  await populate(new MemoryDatabaseAdapter(), 2_000);
  const db = new MemoryDatabaseAdapter();
  const auth = new BetterAuth({ secret: BENCH_SECRET, baseURL: BENCH_ORIGIN }).database(db).plugin(new SessionManagementPlugin()).build();
  const heap = await populate(db, count);
  const server = createServer(withLoopProbe(toNodeHandler(auth)));
  server.listen(0, '127.0.0.1', () => announceReady(server, { count, ...heap, populateMs: Date.now() - started }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
