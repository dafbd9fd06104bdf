/**
 * Read by ts-node without type-checking (the typing test checks this file with the rest of the project):
 * type-checking it cost every `npm test` some two seconds before the first test started.
 * @jest-config-loader ts-node
 * @jest-config-loader-options {"transpileOnly": true}
 */
import { availableParallelism } from 'node:os';
import type { Config } from 'jest';

/**
 * Maps the package's public subpaths onto the sources, so tests import it the way users do. The root entry is
 * `test/support/better-auth-entities.ts`: the sources' root entry, with a fast password hasher as the default of
 * `new BetterAuth()` (tests about hashing name `ScryptPasswordHasher`; see that file).
 */
const publicSubpaths: Record<string, string> = {
  '^better-auth-entities$': '<rootDir>/test/support/better-auth-entities.ts',
  '^better-auth-entities/entities$': '<rootDir>/entities/index.ts',
  '^better-auth-entities/adapters$': '<rootDir>/adapters/index.ts',
  '^better-auth-entities/adapters/typeorm$': '<rootDir>/adapters/typeorm/index.ts',
  '^better-auth-entities/migrations$': '<rootDir>/migrations/index.ts',
  '^better-auth-entities/plugins$': '<rootDir>/src/plugins/index.ts',
  '^better-auth-entities/express$': '<rootDir>/src/express/index.ts',
  '^better-auth-entities/nest$': '<rootDir>/src/nest/index.ts',
  '^better-auth-entities/fastify$': '<rootDir>/src/fastify/index.ts',
  '^better-auth-entities/node$': '<rootDir>/src/http/node/index.ts',
  '^better-auth-entities/redis$': '<rootDir>/src/redis/index.ts',
  '^better-auth-entities/testing$': '<rootDir>/adapters/conformance/index.ts',
  '^better-auth-entities/client$': '<rootDir>/src/client/index.ts',
};

/** ESM-only dependencies of the social sign-in plugin (openid-client and what it is built on). */
const ESM_ONLY_PACKAGES = ['openid-client', 'oauth4webapi', 'jose'];
const ESM_ONLY_JS = `/node_modules/(${ESM_ONLY_PACKAGES.join('|')})/.+\\.js$`;

/** The suite on TypeORM 0.3 (what `typeorm` resolves to here): every test file. */
export const typeorm03Project: Config = {
  displayName: 'typeorm 0.3',
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': '<rootDir>/test/support/typescript-transformer.js',
    // The OAuth/OIDC client is ESM-only; these packages alone are compiled to CommonJS for Jest's loader, by SWC
    // with their native classes kept (see the transformer for why not ts-jest).
    [ESM_ONLY_JS]: '<rootDir>/test/support/esm-package-transformer.js',
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
  moduleNameMapper: publicSubpaths,
  setupFiles: ['reflect-metadata'],
  // Each worker compiles a module once for all the test files it runs (see the file for why and how).
  runtime: '<rootDir>/test/support/code-caching-runtime.js',
  testTimeout: 30_000,
};

/**
 * The TypeORM suites once more on the other major: `typeorm` resolves to TypeORM 1.x (installed as the
 * `typeorm1` alias), for the adapter, the base classes' decorators and the migrations alike, so neither
 * line of the peer range breaks unseen. SQLite runs on better-sqlite3 there (1.x dropped sqlite3).
 */
export const typeorm1Project: Config = {
  ...typeorm03Project,
  displayName: 'typeorm 1.x',
  testMatch: ['**/test/adapters/typeorm-*.test.ts', '**/test/adapters/id-strategies.test.ts', '**/test/migrations/*.test.ts', '**/test/schema/*.test.ts'],
  moduleNameMapper: { ...publicSubpaths, '^typeorm$': 'typeorm1' },
};

/**
 * `npm test`: both projects in one run, one worker per core plus one (at most four): the files spend a good part
 * of their time waiting on databases, child processes and the registry, so a third worker on 2 cores keeps both
 * busy. Measured here: 8m49s with two workers and 7m33s with three while child processes compiled TypeScript with
 * `transpileModule`; with SWC in the children, 6m36s with two, 6m26s to 6m32s with three and 7m36s with four;
 * with the workers' code cache (`runtime` above), 5m4s to 5m40s with three (a fresh clone).
 * Every file has its own schema, database, Redis key prefix, temporary directory and ports (see
 * test/support/databases.ts), so files run side by side. The slow tier starts first (see the sequencer).
 */
const config: Config = {
  projects: [typeorm03Project, typeorm1Project],
  maxWorkers: Math.min(4, availableParallelism() + 1),
  testSequencer: '<rootDir>/test/support/slow-first-sequencer.js',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testTimeout: 30_000,
};

export default config;
