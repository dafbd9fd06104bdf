/**
 * A key-value store beside the database for hot, short-lived state: cached sessions, revocation marks and
 * rate-limit counters and verification values (better-auth's `secondaryStorage`, plus two atomic operations:
 * `increment` for counters and `take` for single-use values). TTLs are in seconds.
 * Redis implements it for several processes (`better-auth-entities/redis`); `MemorySecondaryStorage` for one.
 * @example
 * new BetterAuth({ secret, secondaryStorage: new RedisSecondaryStorage({ url: process.env.REDIS_URL }) })
 */
export interface SecondaryStorage {
  get(key: string): Promise<string | null>;
  /** Several keys in one round trip; `null` for each missing one. */
  getMany(keys: readonly string[]): Promise<Array<string | null>>;
  set(key: string, value: string, ttlSeconds?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Reads a value and deletes it in one atomic step (Redis `GETDEL`): of any number of processes taking one
   * key at once, exactly one gets the value. This is what makes an emailed token single use when it lives
   * here; a `get` then `delete` would let two racing requests both read it.
   */
  take(key: string): Promise<string | null>;
  /**
   * Adds one to a counter atomically, starting it (with `ttlSeconds` to live) when absent; answers the new
   * value and how long the counter still lives. Every process counting on one key sees one sequence.
   */
  increment(key: string, ttlSeconds: number): Promise<{ value: number; ttlSeconds: number }>;
}

/** Secondary storage in this process's memory: for tests and single-process apps. Expired keys go on read. */
export class MemorySecondaryStorage implements SecondaryStorage {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<string | null> {
    return this.live(key)?.value ?? null;
  }

  async getMany(keys: readonly string[]): Promise<Array<string | null>> {
    return keys.map((key) => this.live(key)?.value ?? null);
  }

  async set(key: string, value: string, ttlSeconds?: number): Promise<void> {
    this.entries.set(key, { value, expiresAt: ttlSeconds === undefined ? Infinity : this.now() + ttlSeconds * 1000 });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  // No await between the read and the delete: one event loop, so one caller gets the value.
  async take(key: string): Promise<string | null> {
    const value = this.live(key)?.value ?? null;
    this.entries.delete(key);
    return value;
  }

  async increment(key: string, ttlSeconds: number): Promise<{ value: number; ttlSeconds: number }> {
    const entry = this.live(key) ?? { value: '0', expiresAt: this.now() + ttlSeconds * 1000 };
    entry.value = String(Number(entry.value) + 1);
    this.entries.set(key, entry);
    return { value: Number(entry.value), ttlSeconds: Math.max(1, Math.ceil((entry.expiresAt - this.now()) / 1000)) };
  }

  private live(key: string): { value: string; expiresAt: number } | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}
