// `better-auth-entities/adapters/typeorm`: the SQL adapter. A subpath of its own, so typeorm and the database
// drivers load only for apps that import it.
import './typeorm-peer-check';
export { TypeOrmAdapter, type TypeOrmConnectOptions } from './typeorm-adapter';
export { DEFAULT_POOL_CONFIG, type PoolConfig } from './pool-config';
export type { Dialect } from './dialect';
export { MissingTableError, EntityNotRegisteredError } from './setup-errors';
export { UniqueConstraintError, DatabaseUnavailableError } from '../errors';
