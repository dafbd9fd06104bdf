import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';
import type { Dialect } from './dialect';

/**
 * Runs adapter operations one at a time on SQLite, and freely elsewhere.
 *
 * Why: TypeORM's SQLite drivers share one connection (and one query runner) among all callers. A transaction
 * opened there captures every statement sent meanwhile, so another request's insert would be rolled back
 * with it, and a second `transaction()` would nest as a savepoint of the first. Serialising whole operations
 * (a multi-statement delete cascade, a transaction callback) keeps each caller's statements its own.
 * SQLite runs one writer at a time anyway; what is lost is interleaving reads with an open transaction.
 *
 * The gate is re-entrant through async context: an operation already inside it (a transaction callback
 * calling the adapter) runs at once instead of waiting for itself. Queries an app sends through the same
 * DataSource outside the adapter are not gated.
 *
 * Only operations that run the caller's code (`transaction()` callbacks, `entered: true`) open that async
 * context, and it is switched off again when the outermost one ends: an active AsyncLocalStorage makes Node
 * track every promise of the process, which would otherwise tax every request once a first transaction ran.
 * Plain operations never call back into the adapter, so they only wait their turn.
 * @example
 * const gate = gateFor(dataSource, 'sqlite');
 * await gate.run(() => manager.transaction(...));
 */
export class OperationGate {
  private tail: Promise<void> = Promise.resolve();
  private readonly inside = new AsyncLocalStorage<true>();

  constructor(private readonly serial: boolean) {}

  run<T>(operation: () => Promise<T>, entered = false): Promise<T> {
    if (!this.serial || this.inside.getStore()) return operation();
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    if (!entered) return previous.then(operation).finally(release);
    return previous
      .then(() => this.inside.run(true, operation))
      .finally(() => {
        // The gate is serial: no other entered operation is running, so nothing else needs the context now.
        this.inside.disable();
        release();
      });
  }
}

const gates = new WeakMap<DataSource, OperationGate>();

/** The one gate of a DataSource, shared by every adapter built on it (and their transactions). */
export function gateFor(dataSource: DataSource, dialect: Dialect): OperationGate {
  let gate = gates.get(dataSource);
  if (!gate) gates.set(dataSource, (gate = new OperationGate(dialect === 'sqlite')));
  return gate;
}
