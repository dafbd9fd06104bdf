import type { Cluster, Redis, RedisOptions } from 'ioredis';
import type { SecondaryStorage } from '../core/secondary-storage';
import { requirePeer } from './require-peer';

/** How to reach Redis: a client the app already has (a `Redis` or a `Cluster`), or a URL. */
export interface RedisSecondaryStorageOptions {
  client?: Redis | Cluster;
  url?: string;
  /** Extra ioredis options when built from a URL. */
  redisOptions?: RedisOptions;
  /** Put before every key (default `better-auth:`), so one Redis can serve several apps. */
  keyPrefix?: string;
  /** Fail a command after this long (default 1000 ms): the engine then falls back to the database. */
  commandTimeoutMs?: number;
}

// INCR and the first EXPIRE in one atomic step, then the remaining TTL: a counter can never be left without
// an expiry (which a crash between two separate commands could do).
const INCREMENT = `
local value = redis.call('INCR', KEYS[1])
if value == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('TTL', KEYS[1])
if ttl < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { value, ttl }`;

/**
 * `SecondaryStorage` on Redis through ioredis (which also speaks to Redis Cluster). Keys are prefixed; TTLs are
 * seconds (`SET … EX`). Commands fail fast rather than queue while Redis is away, so callers can fall back.
 * @example
 * const storage = new RedisSecondaryStorage({ url: 'redis://127.0.0.1:6379', keyPrefix: 'myapp:auth:' });
 * new BetterAuth({ secret, secondaryStorage: storage });
 * await storage.close(); // when the app stops, if the storage opened the connection
 */
export class RedisSecondaryStorage implements SecondaryStorage {
  readonly client: Redis | Cluster;
  private readonly prefix: string;
  private readonly ownsClient: boolean;

  constructor(options: RedisSecondaryStorageOptions) {
    this.prefix = options.keyPrefix ?? 'better-auth:';
    if (options.client) {
      this.client = options.client;
      this.ownsClient = false;
    } else {
      if (!options.url) throw new TypeError('RedisSecondaryStorage needs a client or a url.');
      const { default: IORedis } = requirePeer<typeof import('ioredis')>('ioredis', 'RedisSecondaryStorage');
      this.client = new IORedis(options.url, {
        commandTimeout: options.commandTimeoutMs ?? 1000,
        // While Redis is away, fail commands at once instead of queueing them behind a reconnect.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        lazyConnect: false,
        ...options.redisOptions,
      });
      // Connection errors are reported by the commands that fail (and logged by the engine); without a
      // listener ioredis would print every reconnect attempt.
      this.client.on('error', () => undefined);
      this.ownsClient = true;
    }
  }

  async get(key: string): Promise<string | null> {
    return this.client.get(this.prefix + key);
  }

  async getMany(keys: readonly string[]): Promise<Array<string | null>> {
    if (keys.length === 0) return [];
    // A pipeline rather than MGET: under Cluster the keys may live in different slots.
    const pipeline = this.client.pipeline();
    for (const key of keys) pipeline.get(this.prefix + key);
    const results = (await pipeline.exec()) ?? [];
    return results.map(([error, value]) => {
      if (error) throw error;
      return (value as string | null) ?? null;
    });
  }

  async set(key: string, value: string, ttlSeconds?: number): Promise<void> {
    if (ttlSeconds === undefined) await this.client.set(this.prefix + key, value);
    else await this.client.set(this.prefix + key, value, 'EX', Math.max(1, Math.ceil(ttlSeconds)));
  }

  async delete(key: string): Promise<void> {
    await this.client.del(this.prefix + key);
  }

  async take(key: string): Promise<string | null> {
    return this.client.getdel(this.prefix + key);
  }

  async increment(key: string, ttlSeconds: number): Promise<{ value: number; ttlSeconds: number }> {
    const [value, ttl] = (await this.client.eval(INCREMENT, 1, this.prefix + key, Math.max(1, Math.ceil(ttlSeconds)))) as [number, number];
    return { value: Number(value), ttlSeconds: Number(ttl) };
  }

  /** Closes the connection this storage opened (a client passed in is the app's to close). */
  async close(): Promise<void> {
    if (this.ownsClient) await this.client.quit().catch(() => this.client.disconnect());
  }
}
