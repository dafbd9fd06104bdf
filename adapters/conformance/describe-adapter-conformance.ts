/// <reference types="jest" />
import { CONFORMANCE_ENTITIES } from './conformance-entities';
import { conformanceTest, type ConformanceOptions, type MakeConformanceAdapter } from './harness';
import { describeAccountConformance } from './suites/accounts';
import { describeCopyConformance } from './suites/copies';
import { describeInvitationConformance } from './suites/invitations';
import { describeListMembersConformance } from './suites/list-members';
import { describeListUsersConformance } from './suites/list-users';
import { describeMemberConformance } from './suites/members';
import { describeOrganizationConformance } from './suites/organizations';
import { describeRecordConformance } from './suites/records';
import { describeSessionConformance } from './suites/sessions';
import { describeTransactionConformance } from './suites/transactions';
import { describeUserConformance } from './suites/users';
import { describeVerificationConformance } from './suites/verifications';
import { requireTestGlobals } from './require-test-globals';

/**
 * Declares the jest suite every `DatabaseAdapter` must pass: every contract method, custom and remapped
 * fields, defaults, uniqueness (also under concurrent calls), cascades, expiry, single-use verification,
 * transactions and copy semantics. Each test builds its own adapter with `makeAdapter`, so none depends on
 * another's state; `options.cleanup` runs after each test, then the adapter's `close()`.
 *
 * `makeAdapter` receives the classes to store (`CONFORMANCE_ENTITIES`); a SQL adapter creates their tables,
 * and those of `CONFORMANCE_RECORDS` (a plugin table stored through an app's class) unless `records: false`.
 * @example
 * // test/adapters/my-adapter.test.ts
 * import { describeAdapterConformance } from 'better-auth-entities/testing';
 * describeAdapterConformance('my adapter', async (entities) => MyAdapter.connect(process.env.DB_URL!, entities), {
 *   cleanup: (db) => truncateAll(db),
 * });
 */
export function describeAdapterConformance(name: string, makeAdapter: MakeConformanceAdapter, options: ConformanceOptions = {}): void {
  requireTestGlobals('describeAdapterConformance');
  const test = conformanceTest(makeAdapter, options);
  describe(`${name} adapter conformance`, () => {
    test('the adapter exposes the validated models of the classes it was built with', async (db) => {
      for (const [kind, target] of Object.entries(CONFORMANCE_ENTITIES)) {
        const model = db.models[kind as keyof typeof CONFORMANCE_ENTITIES];
        expect(model.kind).toBe(kind);
        expect(model.target).toBe(target);
      }
      expect(db.models.organization.field('name')?.property).toBe('displayName');
    });

    describeUserConformance(test);
    describeListUsersConformance(test);
    describeSessionConformance(test);
    describeAccountConformance(test);
    describeVerificationConformance(test);
    describeOrganizationConformance(test);
    describeMemberConformance(test);
    describeListMembersConformance(test);
    describeInvitationConformance(test);
    describeCopyConformance(test);
    describeTransactionConformance(test);
    if (options.records !== false) describeRecordConformance(test);
  });
}
