import { KeyedQueue } from '../../core/keyed-queue';
import type { PluginRecord, PluginRecords } from '../../../adapters/plugin-records';
import type { PluginTable } from '../../schema/auth-schema';
import type { RateLimitStore } from '../../core/rate-limit-rules';

/**
 * The `rateLimit` table (better-auth's model and field names): one row per counted key. `lastRequest` holds
 * the time (ms) of the request that opened the current window: windows here are fixed, as in memory and
 * Redis, so a client gets the same limit whatever the storage.
 */
export const RATE_LIMIT_TABLE: PluginTable = {
  fields: {
    key: { type: 'string', required: true, unique: true },
    count: { type: 'number', required: true },
    lastRequest: { type: 'number', required: true },
  },
};

// Racing writers retry; each retry means another writer's hit was counted, so this many is never reached
// in practice (it would take that many hits on one key between one read and one write).
const MAX_ATTEMPTS = 50;

/**
 * Rate-limit counters in the database (`rateLimit.storage: 'database'`), for several processes without a
 * secondary storage. Every change is a conditional update on the values just read (compare-and-set): when
 * another process counted in between, the update matches no row and the hit is tried again, so concurrent
 * hits are counted exactly, never lost as a read-modify-write would lose them. Within one process the hits
 * on one key also queue behind each other: fewer retries, and two first hits cannot both create the row on
 * an adapter that checks no unique keys (memory, which serves one process only).
 */
export class DatabaseRateLimitStore implements RateLimitStore {
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly records: () => PluginRecords,
    private readonly now: () => number = Date.now,
  ) {}

  hit(key: string, windowSeconds: number): Promise<{ count: number; resetInSeconds: number }> {
    return this.queue.run(key, () => this.count(key, windowSeconds));
  }

  private async count(key: string, windowSeconds: number): Promise<{ count: number; resetInSeconds: number }> {
    const windowMs = windowSeconds * 1000;
    const rows = this.records();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const now = this.now();
      const row = await rows.findOne({ key });
      if (!row) {
        if (await this.open(rows, key, now)) return { count: 1, resetInSeconds: windowSeconds };
        continue;
      }
      const count = Number(row.count);
      const started = Number(row.lastRequest);
      const current: PluginRecord = { key, count: row.count, lastRequest: row.lastRequest };
      if (started + windowMs <= now) {
        if ((await rows.update(current, { count: 1, lastRequest: now })) === 1) return { count: 1, resetInSeconds: windowSeconds };
        continue;
      }
      if ((await rows.update(current, { count: count + 1 })) === 1) {
        return { count: count + 1, resetInSeconds: Math.max(1, Math.ceil((started + windowMs - now) / 1000)) };
      }
    }
    throw new Error(`rate limit: too much contention on one counter (${MAX_ATTEMPTS} attempts)`);
  }

  /** Creates the key's row; `false` when another process created it first (its unique key refused ours). */
  private async open(rows: PluginRecords, key: string, now: number): Promise<boolean> {
    try {
      await rows.create({ key, count: 1, lastRequest: now });
      return true;
    } catch (error) {
      if (await rows.findOne({ key })) return false;
      throw error;
    }
  }
}
