import type { Config } from 'jest';
import { typeorm1Project } from './jest.config';

/**
 * The TypeORM 1.x project on its own (`npx jest --config jest.typeorm1.config.ts`), for working on the
 * adapter; `npm test` runs it together with the rest (see jest.config.ts).
 */
const config: Config = {
  ...typeorm1Project,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};

export default config;
