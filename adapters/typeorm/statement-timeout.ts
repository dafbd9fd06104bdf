import type { DataSource } from 'typeorm';

type PgClient = { query(...args: unknown[]): unknown; connection?: { stream?: { destroy(): void } } };
type PgClientClass = new (...args: any[]) => PgClient;

/**
 * Makes pg close a connection whose statement timed out (`query_timeout`, set from `PoolConfig.queryTimeoutMs`)
 * rather than hand it back to the pool.
 *
 * Why: pg fails the statement but leaves it on the wire, and TypeORM then releases the connection as healthy.
 * Its late answer, and any transaction it had open, would belong to whoever uses the connection next: a
 * sign-up's user INSERT that timed out could be committed by another request's COMMIT, without its account.
 * Closing the socket makes the server roll back whatever the connection had open, and the pool drops it.
 *
 * Call it on a DataSource built from our own options, before `initialize()` (the pool is created there).
 * A DataSource without a `query_timeout`, or on another driver, is left alone.
 * @example
 * const dataSource = new DataSource({ type: 'postgres', url, extra: { query_timeout: 30_000 } });
 * closeConnectionsOnStatementTimeout(dataSource);
 * await dataSource.initialize();
 */
export function closeConnectionsOnStatementTimeout(dataSource: DataSource): void {
  const extra = (dataSource.options as { extra?: Record<string, unknown> }).extra;
  const Client = (dataSource.driver as unknown as { postgres?: { Client?: PgClientClass } }).postgres?.Client;
  if (!extra?.query_timeout || extra.Client || typeof Client !== 'function') return;
  extra.Client = closingOnTimeout(Client); // pg-pool builds its clients from `Client` when given one
}

function closingOnTimeout(Base: PgClientClass): PgClientClass {
  return class ClosingOnTimeout extends Base {
    override query(...args: unknown[]): unknown {
      const result = super.query(...args);
      if (!isPromise(result)) return result; // TypeORM uses the promise form; streams and callbacks pass through untouched
      return result.catch((error: unknown) => {
        if (error instanceof Error && /Query read timeout/i.test(error.message)) this.connection?.stream?.destroy();
        throw error;
      });
    }
  };
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as Promise<unknown> | null)?.then === 'function' && typeof (value as Promise<unknown>).catch === 'function';
}
