export { RedisSecondaryStorage, type RedisSecondaryStorageOptions } from './redis-secondary-storage';
export type { SecondaryStorage } from '../core/secondary-storage';
