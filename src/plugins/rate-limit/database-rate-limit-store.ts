import { KeyedQueue } from '../../core/keyed-queue';
import type { PluginRecords } from '../../../adapters/plugin-records';
import type { PluginTable } from '../../schema/auth-schema';
import { recordModel, type NewRecordOf, type RecordOf } from '../../schema/record-model';
import type { RateLimitStore } from '../../core/rate-limit-rules';

/**
 * The `rateLimit` table (better-auth's model and field names): one row per counted key. `lastRequest` holds
 * the time (ms) of the request that opened the current window: windows here are fixed, as in memory and
 * Redis, so a client gets the same limit whatever the storage.
 */
export const rateLimitModel = recordModel('rateLimit', {
  key: { type: 'string', required: true, unique: true },
  count: { type: 'number', required: true },
  // Indexed for the sweep, which reads the oldest windows first.
  lastRequest: { type: 'number', required: true, index: true },
});

/** The table as the plugin declares it in its schema. */
export const RATE_LIMIT_TABLE: PluginTable = { fields: rateLimitModel.fields };

type Counters = PluginRecords<RecordOf<typeof rateLimitModel.fields>, NewRecordOf<typeof rateLimitModel.fields>>;

// How often, at most, rows of keys nobody has hit for longer than any window are swept, and how many at a time.
const SWEEP_INTERVAL_MS = 60_000;
const SWEEP_BATCH = 500;

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
  private longestWindowMs = 0;
  private lastSweep: number;
  /** The sweep under way, if any (awaited by tests and by nothing on the request path). */
  sweeping: Promise<number> | null = null;

  constructor(
    private readonly records: () => Counters,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  hit(key: string, windowSeconds: number): Promise<{ count: number; resetInSeconds: number }> {
    this.longestWindowMs = Math.max(this.longestWindowMs, windowSeconds * 1000);
    this.sweepNowAndThen();
    return this.queue.run(key, () => this.count(key, windowSeconds));
  }

  /**
   * Every client address and account ever counted leaves a row; without a sweep the table only grows. Rows
   * whose window started longer ago than the longest window counted are over for any rule, so at most once a
   * minute, in the background, the oldest are deleted a batch at a time. Each delete names the window start
   * it saw, so a key counted again meanwhile (its window restarted) keeps its row. A failed sweep is simply
   * tried again at the next interval: it only ever removes rows that would have been reset anyway.
   */
  private sweepNowAndThen(): void {
    const now = this.now();
    if (this.sweeping || now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    this.sweeping = this.sweep(now - this.longestWindowMs)
      .catch(() => 0)
      .finally(() => (this.sweeping = null));
  }

  private async sweep(over: number): Promise<number> {
    const rows = this.records();
    let removed = 0;
    for (const row of await rows.findMany({}, { orderBy: ['lastRequest', 'asc'], limit: SWEEP_BATCH })) {
      if (row.lastRequest >= over) break;
      removed += await rows.deleteMany({ key: row.key, lastRequest: row.lastRequest });
    }
    return removed;
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
      const count = row.count;
      const started = row.lastRequest;
      const current = { key, count: row.count, lastRequest: row.lastRequest };
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
  private async open(rows: Counters, key: string, now: number): Promise<boolean> {
    try {
      await rows.create({ key, count: 1, lastRequest: now });
      return true;
    } catch (error) {
      if (await rows.findOne({ key })) return false;
      throw error;
    }
  }
}
