import type { DatabaseAdapter } from '../../adapters/database-adapter';
import type { Attributes } from './otel-api';
import { telemetry } from './telemetry';

// The models a method name names, longest first so `getSessionWithUser` is a session read.
const COLLECTIONS = ['verification', 'invitation', 'organization', 'session', 'account', 'member', 'user'];

/**
 * Wraps a database adapter so each call is a client span `<operation> <model>` with `db.system.name` (and
 * the older `db.system`), `db.operation.name` (the adapter method) and `db.collection.name` (the model):
 * never an argument, since those are emails, token digests and ids. A proxy rather than a class listing
 * ~40 methods, so a method added to the contract is traced without an edit here.
 *
 * Why the cost is nil without a tracer: each method's wrapper and attributes are built once, on first use,
 * and a call whose span is not recorded goes straight to the adapter.
 * @example
 * const db = traceDatabaseAdapter(new MemoryDatabaseAdapter());
 */
export function traceDatabaseAdapter<D extends DatabaseAdapter>(adapter: D): D {
  const system = databaseSystem(adapter);
  // Per method: the function it was built from (rebuilt if the adapter's method is replaced, e.g. by a spy),
  // that function bound to the adapter (served when nobody traces) and its traced wrapper.
  const methods = new Map<string, { value: unknown; plain: unknown; traced: unknown }>();
  return new Proxy(adapter, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (typeof value !== 'function' || typeof property !== 'string' || property === 'constructor' || property === 'close') return value;
      let method = methods.get(property);
      if (!method || method.value !== value) {
        const traced = property === 'transaction' ? tracedTransaction(target, system) : tracedCall(target, property, system);
        method = { value, plain: (value as (...args: unknown[]) => unknown).bind(target), traced };
        methods.set(property, method);
      }
      return telemetry.tracing() ? method.traced : method.plain;
    },
  });
}

function tracedCall(target: object, method: string, system: string) {
  // Read at call time, not cached: a method replaced on the adapter later (a test's spy) is the one called.
  const call = (...args: unknown[]) => (target as Record<string, (...args: unknown[]) => unknown>)[method](...args);
  const collection = COLLECTIONS.find((name) => method.toLowerCase().includes(name)) ?? 'records';
  const name = `${method} ${collection}`;
  const attributes: Attributes = Object.freeze({ 'db.system': system, 'db.system.name': system, 'db.operation.name': method, 'db.collection.name': collection });
  return function traced(...args: unknown[]): unknown {
    const span = telemetry.startSpan(name, 'client');
    if (!span) return call(...args);
    span.setAttributes(attributes);
    let result: unknown;
    try {
      result = telemetry.runInSpan(span, () => call(...args));
    } catch (error) {
      telemetry.failed(span, error);
      span.end();
      throw error;
    }
    if (!(result instanceof Promise)) {
      span.end(); // records(), models: synchronous helpers
      return result;
    }
    return result.then(
      (value) => {
        span.end();
        return value;
      },
      (error: unknown) => {
        telemetry.failed(span, error);
        span.end();
        throw error;
      },
    );
  };
}

/** A transaction is one span, and the adapter it hands to `fn` is traced too, so its statements are children. */
function tracedTransaction(target: DatabaseAdapter, system: string) {
  return <T>(fn: (tx: DatabaseAdapter) => Promise<T>): Promise<T> =>
    telemetry.inSpan('transaction', { 'db.system': system, 'db.system.name': system, 'db.operation.name': 'transaction' }, () => target.transaction((tx) => fn(traceDatabaseAdapter(tx))), 'client');
}

/** `postgresql`, `sqlite`, `mysql`, `mariadb` (semconv names) for the TypeORM adapter, `memory` otherwise. */
function databaseSystem(adapter: DatabaseAdapter): string {
  let inner: unknown = adapter;
  // Wrappers (database hooks) keep the adapter they wrap as `inner`.
  while (inner && typeof inner === 'object' && 'inner' in inner && !('dataSource' in inner)) inner = (inner as { inner: unknown }).inner;
  const type = (inner as { dataSource?: { options?: { type?: unknown } } } | null)?.dataSource?.options?.type;
  if (typeof type !== 'string') return 'memory';
  if (type === 'postgres') return 'postgresql';
  if (type === 'better-sqlite3') return 'sqlite';
  return type;
}
