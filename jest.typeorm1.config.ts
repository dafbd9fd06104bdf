import type { Config } from 'jest';
import base from './jest.config';

/**
 * The TypeORM suites once more on the other major: `typeorm` resolves to TypeORM 1.x (installed as the
 * `typeorm1` alias), for the adapter, the base classes' decorators and the migrations alike, so neither
 * line of the peer range breaks unseen. SQLite runs on better-sqlite3 there (1.x dropped sqlite3).
 */
const config: Config = {
  ...base,
  displayName: 'typeorm 1.x',
  testMatch: ['**/test/adapters/typeorm-*.test.ts', '**/test/adapters/id-strategies.test.ts', '**/test/migrations/*.test.ts', '**/test/schema/*.test.ts'],
  moduleNameMapper: { ...base.moduleNameMapper, '^typeorm$': 'typeorm1' },
};

export default config;
