import type { EntityManager } from 'typeorm';
import type { ErrorTranslator } from './error-translation';

/**
 * Runs `work` in a transaction of `manager` (a savepoint when `manager` already belongs to one). What `work`
 * throws is rethrown untouched, so a caller's own error comes back as the same object; a failing BEGIN, COMMIT
 * or SAVEPOINT is translated like any query error (a lost connection becomes `DatabaseUnavailableError`).
 * @example
 * await runInTransaction(dataSource.manager, errors, (manager) => fn(new TypeOrmAdapterCore(state, manager)));
 */
export async function runInTransaction<T>(manager: EntityManager, errors: ErrorTranslator, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  // Which error `work` threw, kept on an object: the catch below cannot tell it from a BEGIN/COMMIT failure otherwise.
  const fromWork: { thrown: boolean; error?: unknown } = { thrown: false };
  try {
    return await manager.transaction(async (transactional) => {
      try {
        return await work(transactional);
      } catch (error) {
        Object.assign(fromWork, { thrown: true, error });
        throw error;
      }
    });
  } catch (error) {
    throw fromWork.thrown && fromWork.error === error ? error : errors.translate(error);
  }
}
