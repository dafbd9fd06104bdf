/// <reference types="jest" />
import type { EntityModel } from '../../entities/model/entity-model';
import type { DatabaseAdapter } from '../database-adapter';
import type { IdOptions } from '../id-strategy';
import { unique, withFreshAdapter } from './harness';
import { requireTestGlobals } from './require-test-globals';

/** One id strategy the suite runs, and the shape its ids must have. */
export interface IdStrategyCase {
  readonly name: string;
  readonly options: IdOptions;
  readonly shape: RegExp;
}

/** The strategies every adapter supports (`generateId: false` and `useNumberId` need database-generated ids). */
export const ID_STRATEGY_CASES: readonly IdStrategyCase[] = [
  { name: 'random ids (the default)', options: {}, shape: /^[A-Za-z0-9_-]{32}$/ },
  { name: "generateId: 'uuid'", options: { generateId: 'uuid' }, shape: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/ },
  { name: 'a custom generateId function', options: { generateId: ({ kind }) => `${kind}_${Math.random().toString(36).slice(2, 12)}` }, shape: /^[a-z]+_[a-z0-9]+$/ },
  { name: 'generateId: false (the database numbers records)', options: { generateId: false }, shape: /^[1-9][0-9]*$/ },
  { name: 'useNumberId (auto-increment)', options: { useNumberId: true }, shape: /^[1-9][0-9]*$/ },
];

/** Builds an adapter with the given id options; SQL adapters pick classes whose ids the database generates when asked to. */
export type MakeIdAdapter = (options: IdOptions) => Promise<DatabaseAdapter> | DatabaseAdapter;

const inAnHour = () => new Date(Date.now() + 3_600_000);

/**
 * Declares the id-strategy suite: for each strategy, every kind gets ids of its shape (always strings), and
 * every lookup, join, update and cascade keyed by those ids works. `cleanup` runs after each test.
 * @example
 * describeIdConformance('memory', (options) => new MemoryDatabaseAdapter({}, options));
 */
export function describeIdConformance(
  name: string,
  makeAdapter: MakeIdAdapter,
  options: { cleanup?: (db: DatabaseAdapter) => Promise<void> | void; cases?: readonly IdStrategyCase[] } = {},
): void {
  requireTestGlobals('describeIdConformance');
  describe.each(options.cases ?? ID_STRATEGY_CASES)(`${name} adapter ids: $name`, ({ options: idOptions, shape }) => {
    const withAdapter = (body: (db: DatabaseAdapter) => Promise<void>) => () => withFreshAdapter(() => makeAdapter(idOptions), options.cleanup, body);
    const idOf = (db: DatabaseAdapter, kind: keyof DatabaseAdapter['models'], record: object) => (db.models[kind] as EntityModel).read(record, 'id');

    test(
      'every kind gets a distinct id of the strategy, as a string',
      withAdapter(async (db) => {
        const users = [await db.createUser({ email: `${unique('a')}@example.com` }), await db.createUser({ email: `${unique('b')}@example.com` })];
        const userId = idOf(db, 'user', users[0]!) as string;
        const org = await db.createOrganization({ name: 'Acme', slug: unique('acme') });
        const orgId = idOf(db, 'organization', org) as string;
        const records: Array<[keyof DatabaseAdapter['models'], object]> = [
          ['user', users[0]!],
          ['user', users[1]!],
          ['session', await db.createSession({ token: unique('t'), userId, expiresAt: inAnHour() })],
          ['account', await db.createAccount({ userId, providerId: 'credential', accountId: userId })],
          ['verification', await db.createVerification({ identifier: unique('v'), value: 'x', expiresAt: inAnHour() })],
          ['organization', org],
          ['member', await db.createMember({ organizationId: orgId, userId })],
          ['invitation', await db.createInvitation({ organizationId: orgId, email: 'x@example.com', inviterId: userId, expiresAt: inAnHour() })],
        ];
        for (const [kind, record] of records) {
          const id = idOf(db, kind, record);
          expect(typeof id).toBe('string');
          expect(id).toMatch(shape);
        }
        expect(idOf(db, 'user', users[0]!)).not.toBe(idOf(db, 'user', users[1]!));
      }),
    );

    test(
      'records are found, joined, updated and deleted by the ids they were given',
      withAdapter(async (db) => {
        const user = await db.createUser({ email: `${unique('c')}@example.com`, name: 'Ada' });
        const userId = idOf(db, 'user', user) as string;
        const token = unique('token');
        const session = await db.createSession({ token, userId, expiresAt: inAnHour() });
        await db.createAccount({ userId, providerId: 'credential', accountId: userId });

        expect(idOf(db, 'user', (await db.getUserById(userId))!)).toBe(userId);
        const joined = await db.getSessionWithUser(token);
        expect(joined && idOf(db, 'user', joined.user)).toBe(userId);
        expect(joined && db.models.session.read(joined.session, 'userId')).toBe(userId);
        expect((await db.listSessionsForUser(userId)).map((s) => idOf(db, 'session', s))).toEqual([idOf(db, 'session', session)]);
        expect(await db.listAccountsForUser(userId)).toHaveLength(1);
        expect(db.models.user.read((await db.updateUser(userId, { name: 'Grace' }))!, 'name')).toBe('Grace');

        expect(await db.deleteUser(userId)).toBe(true);
        expect(await db.getUserById(userId)).toBeNull();
        expect(await db.getSessionByToken(token)).toBeNull();
        expect(await db.listAccountsForUser(userId)).toEqual([]);
      }),
    );
  });
}
