export type { DatabaseAdapter, UserOf, SessionOf, AccountOf } from './database-adapter';
export type * from './inputs';
export { UniqueConstraintError, DatabaseUnavailableError } from './errors';
export { generateId } from './generate-id';
export { MemoryDatabaseAdapter } from './memory';
