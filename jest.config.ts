import type { Config } from 'jest';

/** Maps the package's public subpaths onto the sources, so tests import it the way users do. */
const publicSubpaths: Record<string, string> = {
  '^better-auth-entities$': '<rootDir>/src/index.ts',
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
};

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: publicSubpaths,
  setupFiles: ['reflect-metadata'],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testTimeout: 30_000,
};

export default config;
