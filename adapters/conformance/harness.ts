/// <reference types="jest" />
import type { EntityKind } from '../../entities/entity-kind';
import { UniqueConstraintError } from '../errors';
import { generateId } from '../generate-id';
import { CONFORMANCE_ENTITIES, type ConformanceAdapter, type ConformanceEntities } from './conformance-entities';

/**
 * Builds the adapter under test from the conformance classes; may be async (a SQL adapter connects and
 * creates its tables first).
 * @example
 * const make: MakeConformanceAdapter = (entities) => new MemoryDatabaseAdapter(entities);
 */
export type MakeConformanceAdapter = (entities: ConformanceEntities) => Promise<ConformanceAdapter> | ConformanceAdapter;

/**
 * Tuning for `describeAdapterConformance`.
 * @example
 * { cleanup: (db) => dataSource.query('DELETE FROM conformance_users'), timeout: 60_000 }
 */
export interface ConformanceOptions {
  /** Runs after every test, before `close()`: truncate or drop what the test wrote if storage outlives the adapter. */
  cleanup?: (adapter: ConformanceAdapter) => Promise<void> | void;
  /** Per-test timeout in milliseconds (jest's configured default when absent). */
  timeout?: number;
  /**
   * `false` leaves out the plugin-records suite, for an adapter without `records(table)` (plugins with tables
   * cannot run on it). Default `true`: the storage then needs the tables of `CONFORMANCE_RECORDS` too.
   */
  records?: boolean;
}

/** Declares one test that runs against a fresh adapter of its own. */
export type ConformanceTest = (name: string, body: (db: ConformanceAdapter) => Promise<void>) => void;

/**
 * The `test` every suite file uses: a fresh adapter per test (so no test depends on another's state),
 * cleaned up and closed afterwards even when the test fails.
 */
export function conformanceTest(makeAdapter: MakeConformanceAdapter, options: ConformanceOptions): ConformanceTest {
  return (name, body) => test(name, () => withFreshAdapter(() => makeAdapter(CONFORMANCE_ENTITIES), options.cleanup, body), options.timeout);
}

/** Runs `body` on a fresh adapter, then cleans up and closes it, even when the body fails. */
export async function withFreshAdapter<D extends { close(): Promise<void> }>(
  make: () => Promise<D> | D,
  cleanup: ((db: D) => Promise<void> | void) | undefined,
  body: (db: D) => Promise<void>,
): Promise<void> {
  const db = await make();
  try {
    await body(db);
  } finally {
    try {
      await cleanup?.(db);
    } finally {
      await db.close();
    }
  }
}

/** A value no other test run shares, so leftovers in a badly cleaned database cannot collide. */
export function unique(prefix: string): string {
  return `${prefix}-${generateId().slice(0, 10).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
}

/** A fresh lower-case email address. */
export function uniqueEmail(prefix = 'user'): string {
  return `${unique(prefix)}@example.com`;
}

/**
 * Dates in whole seconds: some SQL column types drop milliseconds, and equality checks must not depend on it.
 */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** Now plus `minutes` (negative for the past), in whole seconds. */
export function minutesFromNow(minutes: number): Date {
  return wholeSeconds(new Date(Date.now() + minutes * 60_000));
}

/** A date well before any test ran: written as `createdAt`/`updatedAt` to see whether the adapter moves them. */
export const LONG_AGO = new Date('2020-01-02T03:04:05.000Z');

/** Asserts a timestamp the adapter filled in is the current time (a minute of slack for a database's clock). */
export function expectRecent(date: unknown): void {
  expect(date).toBeInstanceOf(Date);
  expect(Math.abs((date as Date).getTime() - Date.now())).toBeLessThan(60_000);
}

/** Asserts the write was refused with the contract's `UniqueConstraintError` naming the kind and fields. */
export async function expectUniqueViolation(attempt: Promise<unknown>, kind: EntityKind, fields: readonly string[]): Promise<void> {
  const error = await attempt.then(
    () => new Error(`expected a UniqueConstraintError on ${kind} ${fields.join(' + ')}, but the write succeeded`),
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(UniqueConstraintError);
  expect(error).toMatchObject({ kind, fields });
}

/**
 * Starts every attempt at once and asserts exactly one succeeded and every other was refused as a duplicate.
 * Returns the winner.
 */
export async function expectExactlyOneWinner<T>(attempts: Array<Promise<T>>, kind: EntityKind, fields: readonly string[]): Promise<T> {
  const results = await Promise.allSettled(attempts);
  const winners = results.filter((result): result is PromiseFulfilledResult<Awaited<T>> => result.status === 'fulfilled');
  const losers = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
  expect(winners).toHaveLength(1);
  for (const loser of losers) {
    expect(loser.reason).toBeInstanceOf(UniqueConstraintError);
    expect(loser.reason).toMatchObject({ kind, fields });
  }
  return winners[0].value;
}

/** Ids in a stable order, to compare lists whose order the contract leaves open. */
export function idsOf(rows: ReadonlyArray<{ id: string }>): string[] {
  return rows.map((row) => row.id).sort();
}
