export { MemoryDatabaseAdapter } from './memory-database-adapter';
