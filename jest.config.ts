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
};

/** ESM-only dependencies of the social sign-in plugin (openid-client and what it is built on). */
const ESM_ONLY_PACKAGES = ['openid-client', 'oauth4webapi', 'jose'];
const ESM_ONLY_JS = `/node_modules/(${ESM_ONLY_PACKAGES.join('|')})/.+\\.js$`;

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // The OAuth/OIDC client is ESM-only; these packages alone are compiled to CommonJS for Jest's loader, by SWC
    // with their native classes kept (see the transformer for why not ts-jest).
    [ESM_ONLY_JS]: '<rootDir>/test/support/esm-package-transformer.js',
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
  moduleNameMapper: publicSubpaths,
  setupFiles: ['reflect-metadata'],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testTimeout: 30_000,
};

export default config;
