export { MemoryDatabaseAdapter, type MemoryAdapterOptions } from './memory-database-adapter';
