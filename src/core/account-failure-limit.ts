import type { DatabaseAdapter } from '../../adapters/database-adapter';
import type { PluginRecords } from '../../adapters/plugin-records';
import type { PluginTable } from '../schema/auth-schema';
import { KeyedQueue } from './keyed-queue';

/** The model name of the counters' table (declared by the user plugin, which every instance mounts). */
export const ACCOUNT_FAILURE_MODEL = 'accountFailure';

/**
 * One row per counted key (`<what>:<userId>`): `count` attempts since the last success, `lastFailure` the time
 * (ms) of the last one counted, from which a lock runs.
 */
export const ACCOUNT_FAILURE_TABLE: PluginTable = {
  modelName: 'account_failures',
  fields: {
    key: { type: 'string', required: true, unique: true },
    count: { type: 'number', required: true, defaultValue: 0 },
    lastFailure: { type: 'number', required: true },
  },
};

/** How many attempts an account gets, and for how long it is refused once they are spent. */
export interface FailureBound {
  readonly maxFailures: number;
  readonly lockSeconds: number;
}

// A take that lost a race (a row created or a lock restarted by another request) tries again; each loss means
// another request's attempt was counted, so this many is never reached in practice.
const MAX_TRIES = 8;

/**
 * The per-account bound on guessing (NIST SP 800-63B §5.2.2) for every route that checks a password or a
 * code, whatever the client address and whether the rate limiter is on. An attempt is counted *before* its
 * check, by one conditional statement (`count = count + 1 WHERE count < max`), so any number of parallel
 * requests in any number of processes get at most `maxFailures` checks between two successes; a success
 * clears the count. The counters live in the database, the system of record every process shares.
 * @example
 * const locked = await auth.failureLimit.take(`change-password:${userId}`, { maxFailures: 10, lockSeconds: 900 });
 * if (locked) throw new AuthError('TOO_MANY_REQUESTS', undefined, undefined, locked);
 * if (await checks()) await auth.failureLimit.clear(`change-password:${userId}`);
 */
export class AccountFailureLimit {
  // Within one process, takes on one key queue: fewer lost races, and no two first takes create one row twice
  // on an adapter that checks no unique keys (memory, which serves one process only).
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly records: (on?: DatabaseAdapter) => PluginRecords,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Counts one attempt; `null` when it may be checked, else how long the account stays refused. */
  take(key: string, bound: FailureBound): Promise<{ retryAfterSeconds: number } | null> {
    return this.queue.run(key, () => this.count(key, bound));
  }

  /** After a success: the attempts start again. Pass `on` (a transaction's adapter) to clear within that transaction. */
  async clear(key: string, on?: DatabaseAdapter): Promise<void> {
    await this.records(on).deleteMany({ key });
  }

  private async count(key: string, bound: FailureBound): Promise<{ retryAfterSeconds: number } | null> {
    const rows = this.records();
    for (let tries = 0; tries < MAX_TRIES; tries += 1) {
      const now = this.now();
      if ((await rows.increment({ key }, 'count', { below: bound.maxFailures, values: { lastFailure: now } })) === 1) return null;
      const row = await rows.findOne({ key });
      if (!row) {
        try {
          await rows.create({ key, count: 1, lastFailure: now });
          return null;
        } catch (error) {
          // Another process created it first (a unique violation, however the driver words it): count on it.
          if (await rows.findOne({ key })) continue;
          throw error;
        }
      }
      const remainingMs = Number(row.lastFailure) + bound.lockSeconds * 1000 - now;
      if (remainingMs > 0) return { retryAfterSeconds: Math.ceil(remainingMs / 1000) };
      // The lock ran out: start again at one, unless another request restarted it since the read.
      if ((await rows.update({ key, count: row.count, lastFailure: row.lastFailure }, { count: 1, lastFailure: now })) === 1) return null;
    }
    // Refuse rather than check unbounded: only a flood on this very account gets here.
    return { retryAfterSeconds: 1 };
  }
}
