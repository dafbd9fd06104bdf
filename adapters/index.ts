export type { DatabaseAdapter, UserOf, SessionOf, AccountOf, UniqueUserField } from './database-adapter';
export type * from './inputs';
export { UniqueConstraintError, DatabaseUnavailableError } from './errors';
export { generateId } from './generate-id';
export type { PluginRecord, PluginRecords, RecordColumn, RecordTable } from './plugin-records';
export { recordClassTable } from './record-class-table';
export { resolveIdStrategy, type IdGenerator, type IdOptions, type IdStrategy } from './id-strategy';
export { MemoryDatabaseAdapter, type MemoryAdapterOptions } from './memory';
