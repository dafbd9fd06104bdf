/// <reference types="jest" />
// `better-auth-entities/testing`: the adapter conformance suite, for this package's adapters and third-party ones.
export { describeAdapterConformance } from './describe-adapter-conformance';
export { describeIdConformance, ID_STRATEGY_CASES, type IdStrategyCase, type MakeIdAdapter } from './describe-id-conformance';
export type { ConformanceOptions, MakeConformanceAdapter } from './harness';
export {
  CONFORMANCE_ENTITIES,
  ConformanceAccount,
  ConformanceInvitation,
  ConformanceMember,
  ConformanceOrganization,
  ConformanceSession,
  ConformanceUser,
  type ConformanceAdapter,
  type ConformanceEntities,
  type ConformancePreferences,
} from './conformance-entities';
export { CONFORMANCE_NOTE_TABLE, CONFORMANCE_RECORDS, ConformanceNote } from './conformance-records';
