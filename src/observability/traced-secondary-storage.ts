import type { SecondaryStorage } from '../core/secondary-storage';
import { telemetry } from './telemetry';

type Operation = 'get' | 'getMany' | 'set' | 'delete' | 'take' | 'increment';

/**
 * A secondary storage whose calls are client spans `<operation> secondary-storage` with `db.operation.name`,
 * and `auth.storage.keys` for `getMany`: never a key (keys carry token digests and emails) or a value.
 * A failing call (Redis away) is marked with `error.type`, so an outage shows in the trace of the request
 * that fell back to the database.
 */
export class TracedSecondaryStorage implements SecondaryStorage {
  constructor(readonly inner: SecondaryStorage) {}

  get(key: string): Promise<string | null> {
    return this.traced('get', () => this.inner.get(key));
  }

  getMany(keys: readonly string[]): Promise<Array<string | null>> {
    return this.traced('getMany', () => this.inner.getMany(keys), keys.length);
  }

  set(key: string, value: string, ttlSeconds?: number): Promise<void> {
    return this.traced('set', () => this.inner.set(key, value, ttlSeconds));
  }

  delete(key: string): Promise<void> {
    return this.traced('delete', () => this.inner.delete(key));
  }

  take(key: string): Promise<string | null> {
    return this.traced('take', () => this.inner.take(key));
  }

  increment(key: string, ttlSeconds: number): Promise<{ value: number; ttlSeconds: number }> {
    return this.traced('increment', () => this.inner.increment(key, ttlSeconds));
  }

  private traced<T>(operation: Operation, call: () => Promise<T>, keys?: number): Promise<T> {
    return telemetry.inSpan(
      `${operation} secondary-storage`,
      () => ({ 'db.system.name': 'secondary-storage', 'db.operation.name': operation, ...(keys === undefined ? {} : { 'auth.storage.keys': keys }) }),
      call,
      'client',
    );
  }
}
