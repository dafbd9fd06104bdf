/**
 * The scale bench's Better Auth server: its memory adapter holding N users with a session each, pushed
 * straight into the arrays it keeps (its own shape: the raw token is stored). Usage: scale-better-auth.mjs <N>
 * Prints `READY {"port", "heapPerUser", "heapPerSession", "populateMs"}`; run with --expose-gc.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { betterAuth } from 'better-auth';
import { memoryAdapter } from 'better-auth/adapters/memory';
import { toNodeHandler } from 'better-auth/node';
import { scaleToken, sessionFields, settledHeap, userFields } from '../lib/scale-population.cjs';
import { BETTER_AUTH_OPTIONS, announceReady, withLoopProbe } from './protocol.cjs';

const count = Number(process.argv[2]);
const tables = { user: [], session: [], account: [], verification: [] };
const auth = betterAuth({ ...BETTER_AUTH_OPTIONS, database: memoryAdapter(tables) });

/** Heap growth per user and per session while `count` of each are pushed into `into`. */
function populate(into, count) {
  const empty = settledHeap();
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    into.user.push({ id: randomUUID().replace(/-/g, ''), ...userFields(i), createdAt: new Date(now), updatedAt: new Date(now) });
  }
  const withUsers = settledHeap();
  for (let i = 0; i < count; i++) {
    into.session.push({ id: randomUUID().replace(/-/g, ''), token: scaleToken(i), userId: into.user[i].id, ...sessionFields(i, now) });
  }
  const withSessions = settledHeap();
  return { heapPerUser: Math.round((withUsers - empty) / count), heapPerSession: Math.round((withSessions - withUsers) / count) };
}

const started = Date.now();
// A throwaway round first: compiled code and hidden classes must not be counted as per-session heap.
populate({ user: [], session: [] }, 2_000);
const heap = populate(tables, count);

const server = createServer(withLoopProbe(toNodeHandler(auth)));
server.listen(0, '127.0.0.1', () =>
  announceReady(server, { count, ...heap, populateMs: Date.now() - started }),
);
