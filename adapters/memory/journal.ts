/**
 * The undo log of one memory transaction (nested transactions share their outermost journal and mark
 * savepoints in it). Every write made through a transaction's adapter records how to undo itself here;
 * a rollback replays those records newest first.
 *
 * Isolation is READ UNCOMMITTED: the writes land in the shared tables at once, so other callers see them
 * before the transaction ends. Two things keep a rollback from corrupting what others wrote meanwhile:
 * - a unique key the transaction gives up (a changed email, a deleted user's email) stays *held* until it
 *   ends, so no other caller can take it and the rollback can always put it back;
 * - a row another caller wrote after the transaction did keeps that later write (see IndexedTable).
 *
 * @example
 * const journal = new Journal();
 * journal.record(() => table.delete(id));   // the undo of an insert
 * journal.rollbackTo(0);                    // runs it
 * journal.end();                            // releases held keys; later writes through it throw
 */
export class Journal {
  private readonly undoLog: Array<() => void> = [];
  private readonly onEndCallbacks: Array<() => void> = [];
  private ended = false;

  /** A write through a finished transaction is a caller bug (the `tx` escaped its callback): fail loudly. */
  assertOpen(): void {
    if (this.ended) {
      throw new Error('This transaction has already finished; use the adapter passed to transaction() only inside its callback.');
    }
  }

  record(undo: () => void): void {
    this.undoLog.push(undo);
  }

  /** Runs `callback` when the outermost transaction commits or finishes rolling back. */
  onEnd(callback: () => void): void {
    this.onEndCallbacks.push(callback);
  }

  /** A mark to roll back to: nested transactions undo only what they wrote themselves. */
  savepoint(): number {
    return this.undoLog.length;
  }

  /** Undoes every write recorded after `mark`, newest first, so each undo sees the state it recorded. */
  rollbackTo(mark: number): void {
    while (this.undoLog.length > mark) this.undoLog.pop()!();
  }

  end(): void {
    this.ended = true;
    this.undoLog.length = 0;
    for (const callback of this.onEndCallbacks.splice(0)) callback();
  }
}
