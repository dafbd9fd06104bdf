import { MemoryDatabaseAdapter, UniqueConstraintError } from 'better-auth-entities/adapters';
import {
  AuthDefault,
  AuthField,
  AuthUser,
  BaseUser,
  EntityDefinitionError,
  Session,
  User,
} from 'better-auth-entities/entities';
import { describeAdapterConformance } from 'better-auth-entities/testing';

describeAdapterConformance('memory', (entities) => new MemoryDatabaseAdapter(entities));

const inAnHour = () => new Date(Date.now() + 3_600_000);

@AuthUser()
class AppUser extends BaseUser {
  @AuthDefault('free') plan!: string;
}

/** A user class written from scratch, as an app with an existing model would. */
@AuthUser()
class LegacyUser {
  @AuthField() id!: string;
  @AuthField() email!: string | null;
  @AuthField('name') displayName!: string | null;
  @AuthField() emailVerified!: boolean;
  @AuthField() image!: string | null;
  @AuthField() createdAt!: Date;
  @AuthField() updatedAt!: Date;
  @AuthDefault('basic') tier!: string;
}

let counter = 0;
@AuthUser()
class CountingUser extends BaseUser {
  @AuthField({ type: 'json' }) @AuthDefault(() => ({ serial: ++counter })) settings!: { serial: number };
}

@AuthUser()
class UserWithoutEmail {
  @AuthField() id!: string;
  @AuthField() name!: string | null;
}

describe('MemoryDatabaseAdapter', () => {
  it('built without arguments stores the built-in entity classes', async () => {
    const db = new MemoryDatabaseAdapter();
    expect(db.models.user.target).toBe(User);
    const user = await db.createUser({ email: 'ada@example.com' });
    const session = await db.createSession({ token: 't', userId: user.id, expiresAt: inAnHour() });
    expect(user).toBeInstanceOf(User);
    expect(session).toBeInstanceOf(Session);
  });

  it('stores the classes it is given and the built-in ones for kinds left out', async () => {
    const db = new MemoryDatabaseAdapter({ user: AppUser });
    const user = await db.createUser({ email: 'ada@example.com' });
    const plan: string = user.plan; // typed as AppUser: this line would not compile otherwise
    expect(user).toBeInstanceOf(AppUser);
    expect(plan).toBe('free');
    expect(db.models.session.target).toBe(Session);
  });

  it('rejects a class that breaks its contract with an EntityDefinitionError naming the class and field', () => {
    const build = () => new MemoryDatabaseAdapter({ user: UserWithoutEmail as never });
    expect(build).toThrow(EntityDefinitionError);
    expect(build).toThrow(/^UserWithoutEmail\.email: .*@AuthField\(\)/);
  });

  it('works with a class written without a base class through @AuthField() declarations', async () => {
    const db = new MemoryDatabaseAdapter({ user: LegacyUser });
    const user = await db.createUser({ email: 'Old@Example.com', name: 'Ada' });
    expect(user).toBeInstanceOf(LegacyUser);
    expect(user).toMatchObject({ email: 'old@example.com', displayName: 'Ada', emailVerified: false, tier: 'basic' });
    expect(Object.keys(user)).not.toContain('name');
    await db.updateUser(user.id, { name: 'Ada Lovelace' });
    expect(await db.getUserByEmail('OLD@example.com')).toMatchObject({ displayName: 'Ada Lovelace' });
    // The class has no username field: the lookup finds nothing rather than failing.
    expect(await db.findUserBy('username', 'ada')).toBeNull();
  });

  it('calls an @AuthDefault factory once per created row', async () => {
    const db = new MemoryDatabaseAdapter({ user: CountingUser });
    const first = await db.createUser({ email: 'one@example.com' });
    const second = await db.createUser({ email: 'two@example.com' });
    expect(second.settings.serial).toBe(first.settings.serial + 1);
  });

  it('refuses a caller-provided id that is already taken', async () => {
    const db = new MemoryDatabaseAdapter();
    await db.createUser({ id: 'same', email: 'a@example.com' });
    await expect(db.createUser({ id: 'same', email: 'b@example.com' })).rejects.toMatchObject({ kind: 'user', fields: ['id'] });
    expect(await db.getUserByEmail('b@example.com')).toBeNull();
  });

  it('getSessionWithUser returns null for a session whose user is missing', async () => {
    const db = new MemoryDatabaseAdapter();
    await db.createSession({ token: 'orphan', userId: 'no-such-user', expiresAt: inAnHour() });
    expect(await db.getSessionByToken('orphan')).not.toBeNull();
    expect(await db.getSessionWithUser('orphan')).toBeNull();
  });

  it('listSessionsForUser keeps creation order when a session is updated', async () => {
    const db = new MemoryDatabaseAdapter();
    const user = await db.createUser({ email: 'ada@example.com' });
    const first = await db.createSession({ token: 'a', userId: user.id, expiresAt: inAnHour() });
    const second = await db.createSession({ token: 'b', userId: user.id, expiresAt: inAnHour() });
    await db.updateSession(first.id, { expiresAt: inAnHour() });
    expect((await db.listSessionsForUser(user.id)).map((s) => s.id)).toEqual([first.id, second.id]);
  });
});

describe('MemoryDatabaseAdapter transactions', () => {
  it('let other callers see writes before the transaction ends (READ UNCOMMITTED)', async () => {
    const db = new MemoryDatabaseAdapter();
    let seenOutside: unknown = 'not checked';
    await db.transaction(async (tx) => {
      await tx.createUser({ email: 'early@example.com' });
      seenOutside = await db.getUserByEmail('early@example.com');
    });
    expect(seenOutside).toMatchObject({ email: 'early@example.com' });
  });

  it('hold an email the transaction gave up, so nobody else takes it before the rollback puts it back', async () => {
    const db = new MemoryDatabaseAdapter();
    const ada = await db.createUser({ email: 'ada@example.com' });
    const attempt = db.transaction(async (tx) => {
      await tx.updateUser(ada.id, { email: 'ada.new@example.com' });
      await expect(db.createUser({ email: 'ada@example.com' })).rejects.toBeInstanceOf(UniqueConstraintError);
      // The transaction itself may reuse what it gave up.
      const temp = await tx.createUser({ email: 'ada@example.com' });
      await tx.deleteUser(temp.id);
      throw new Error('roll back');
    });
    await expect(attempt).rejects.toThrow('roll back');
    expect((await db.getUserByEmail('ada@example.com'))?.id).toBe(ada.id);
    // Once the transaction has ended the key is free for the usual rules again.
    await db.updateUser(ada.id, { email: 'moved@example.com' });
    expect((await db.createUser({ email: 'ada@example.com' })).email).toBe('ada@example.com');
  });

  it('keep a write another caller made to a row after the transaction did (last writer wins)', async () => {
    const db = new MemoryDatabaseAdapter();
    const user = await db.createUser({ email: 'ada@example.com', name: 'Original' });
    await expect(
      db.transaction(async (tx) => {
        await tx.updateUser(user.id, { name: 'From the transaction' });
        await db.updateUser(user.id, { name: 'From outside' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await db.getUserById(user.id)).toMatchObject({ name: 'From outside' });
  });

  it('undo only the inner writes when a nested transaction fails and the outer one carries on', async () => {
    const db = new MemoryDatabaseAdapter();
    await db.transaction(async (tx) => {
      await tx.createUser({ email: 'outer@example.com' });
      await expect(
        tx.transaction(async (inner) => {
          await inner.createUser({ email: 'inner@example.com' });
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
    });
    expect(await db.getUserByEmail('outer@example.com')).not.toBeNull();
    expect(await db.getUserByEmail('inner@example.com')).toBeNull();
  });

  it('refuse writes through a transaction adapter after the transaction has finished', async () => {
    const db = new MemoryDatabaseAdapter();
    let escaped: { createUser: typeof db.createUser } | undefined;
    await db.transaction(async (tx) => {
      escaped = tx;
    });
    await expect(escaped!.createUser({ email: 'late@example.com' })).rejects.toThrow(/already finished/);
    expect(await db.getUserByEmail('late@example.com')).toBeNull();
  });
});
