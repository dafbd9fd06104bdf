import {
  AuthDefault,
  AuthField,
  AuthSession,
  AuthUser,
  BaseSession,
  BaseUser,
  buildEntityModel,
  buildEntityModels,
  EntityDefinitionError,
  Session,
  User,
} from 'better-auth-entities/entities';

interface Storage {
  kinds: Array<{ target: Function; kind: string }>;
  fields: Array<{ target: Function; property: string; field: string | null }>;
  defaults: Array<{ target: Function; property: string; factory: () => unknown }>;
}
const storage = () => (globalThis as unknown as Record<symbol, Storage>)[Symbol.for('better-auth-entities')];

/** Catches the error a build throws, so a test can check its class, field and message. */
function buildError(run: () => unknown): EntityDefinitionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EntityDefinitionError);
    return error as EntityDefinitionError;
  }
  throw new Error('expected the build to throw an EntityDefinitionError');
}

describe('entity decorators', () => {
  it('only record: declaring a class that breaks its contract throws nothing until a model is built', () => {
    const declare = () => {
      @AuthUser()
      class Incomplete {
        @AuthField('nmae') nickname!: string;
      }
      return Incomplete;
    };
    expect(declare).not.toThrow();
    const Incomplete = declare();
    expect(() => buildEntityModel('user', Incomplete)).toThrow(EntityDefinitionError);
  });

  it('keep their records frozen in one storage on globalThis under Symbol.for("better-auth-entities")', () => {
    @AuthUser()
    class Recorded extends BaseUser {
      @AuthField('name') fullName!: string | null;
      @AuthDefault('x') extra!: string;
    }
    const kind = storage().kinds.find((record) => record.target === Recorded);
    const field = storage().fields.find((record) => record.target === Recorded);
    const fallback = storage().defaults.find((record) => record.target === Recorded);
    expect(kind).toEqual({ target: Recorded, kind: 'user' });
    expect(field).toMatchObject({ target: Recorded, property: 'fullName', field: 'name' });
    expect(fallback?.property).toBe('extra');
    expect(fallback?.factory()).toBe('x');
    expect(Object.isFrozen(kind)).toBe(true);
    expect(Object.isFrozen(field)).toBe(true);
  });
});

describe('the entity model builder', () => {
  it('rejects a user class without email, naming the class, the field and the fix', () => {
    @AuthUser()
    class NoEmail {
      @AuthField() id!: string;
      @AuthField() name!: string | null;
    }
    const error = buildError(() => buildEntityModel('user', NoEmail));
    expect(error.className).toBe('NoEmail');
    expect(error.field).toBe('email');
    expect(error.message).toMatch(/^NoEmail\.email: the user contract requires the field 'email'/);
    expect(error.message).toContain("@AuthField('email')");
  });

  it('rejects a class given as the wrong kind and names both decorators', () => {
    @AuthSession()
    class AppSession extends BaseSession {}
    const error = buildError(() => buildEntityModel('user', AppSession));
    expect(error.className).toBe('AppSession');
    expect(error.message).toContain('tagged @AuthSession()');
    expect(error.message).toContain('pass a class tagged @AuthUser()');
  });

  it('rejects an untagged class and says which decorator to add', () => {
    class Untagged extends BaseUser {}
    const error = buildError(() => buildEntityModel('user', Untagged));
    expect(error.message).toBe('Untagged: is not tagged as an auth entity; add @AuthUser() above the class.');
  });

  it("rejects @AuthField('nmae') and lists the standard fields to choose from", () => {
    @AuthUser()
    class Typo extends BaseUser {
      @AuthField('nmae') displayName!: string | null;
    }
    const error = buildError(() => buildEntityModel('user', Typo));
    expect(error.field).toBe('displayName');
    expect(error.message).toContain("@AuthField('nmae') names no standard user field");
    expect(error.message).toMatch(/use one of: id, email, name, /);
  });

  it('rejects a standard field declared with an implausible type', () => {
    @AuthUser()
    class WrongType extends BaseUser {
      @AuthField() declare emailVerified: boolean;
      @AuthField('emailVerified') verified!: string;
    }
    const error = buildError(() => buildEntityModel('user', WrongType));
    expect(error.field).toBe('verified');
    expect(error.message).toContain("is declared as String, but the standard field 'emailVerified' holds a boolean");
  });

  it('rejects a class whose constructor needs arguments', () => {
    @AuthUser()
    class NeedsArgs extends BaseUser {
      constructor(readonly seed: string) {
        super();
      }
    }
    const error = buildError(() => buildEntityModel('user', NeedsArgs as never));
    expect(error.message).toContain('constructible with `new Class()`');
  });

  it('builds each class once and returns the same model afterwards', () => {
    expect(buildEntityModel('user', User)).toBe(buildEntityModel('user', User));
  });

  it('uses the built-in classes for every kind left out of buildEntityModels', () => {
    @AuthUser()
    class OwnUser extends BaseUser {}
    const models = buildEntityModels({ user: OwnUser });
    expect(models.user.target).toBe(OwnUser);
    expect(models.session.target).toBe(Session);
    expect(Object.isFrozen(models)).toBe(true);
    expect(buildEntityModels().user.target).toBe(User);
  });
});

describe('an entity model', () => {
  @AuthUser()
  class RemappedUser extends BaseUser {
    @AuthField('name') displayName!: string | null;
    @AuthDefault('free') plan!: string;
    @AuthField({ type: 'json' }) @AuthDefault({ tags: [] as string[] }) settings!: { tags: string[] };
    @AuthDefault(() => new Date(0)) trialEndsAt!: Date;
    @AuthField({ type: 'string' }) nickname: string | null = null;
  }
  const model = () => buildEntityModel('user', RemappedUser);

  it('maps a remapped standard field to its property for create, read, assign and toValues', () => {
    const user = model().create({ name: 'Ada', email: 'ada@example.com' });
    expect(user.displayName).toBe('Ada');
    expect(Object.keys(user)).not.toContain('name');
    expect(model().read(user, 'name')).toBe('Ada');
    model().assign(user, { name: 'Ada Lovelace' });
    expect(user.displayName).toBe('Ada Lovelace');
    expect(model().toValues(user)).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', plan: 'free' });
    expect(model().field('name')?.property).toBe('displayName');
  });

  it('lists the custom fields, including one declared only by an initialiser, and not the shadowed base property', () => {
    const custom = model().customFields.map((field) => field.field).sort();
    expect(custom).toEqual(['nickname', 'plan', 'settings', 'trialEndsAt']);
  });

  it('fills in @AuthDefault values, then contract defaults, then null, and lets given values win', () => {
    const user = model().create({ email: 'ada@example.com', plan: 'pro', unknownKey: 'ignored' });
    expect(user).toMatchObject({ plan: 'pro', emailVerified: false, metadata: {}, image: null, nickname: null });
    expect(user.trialEndsAt).toEqual(new Date(0));
    expect(Object.keys(user)).not.toContain('unknownKey');
  });

  it('never shares a default object between two created entities', () => {
    const [first, second] = [model().create({}), model().create({})];
    first.settings.tags.push('mutated');
    first.metadata.touched = true;
    expect(second.settings).toEqual({ tags: [] });
    expect(second.metadata).toEqual({});
    expect(first.trialEndsAt).not.toBe(second.trialEndsAt);
  });

  it('clones into an instance of the same class that shares no date or object with the original', () => {
    const user = model().create({ createdAt: new Date(1000), metadata: { nested: { n: 1 } } });
    const copy = model().clone(user);
    expect(copy).toBeInstanceOf(RemappedUser);
    copy.createdAt.setTime(0);
    (copy.metadata.nested as { n: number }).n = 2;
    expect(user.createdAt.getTime()).toBe(1000);
    expect(user.metadata).toEqual({ nested: { n: 1 } });
  });

  it('clones flat JSON values (objects, arrays, null-prototype objects) into copies, and anything else through structuredClone', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { k: 'v' });
    const user = model().create({ metadata: { seats: 3, tags: ['a', 'b'], bare, roles: new Map([['admin', true]]) } });
    const flat = model().create({ metadata: { seats: 3, plan: 'pro' } });
    const copy = model().clone(user);
    const flatCopy = model().clone(flat);
    expect(flatCopy.metadata).toEqual({ seats: 3, plan: 'pro' });
    expect(flatCopy.metadata).not.toBe(flat.metadata);
    const bareCopy = model().clone(model().create({ metadata: bare })).metadata;
    expect(Object.getPrototypeOf(bareCopy)).toBeNull();
    expect(bareCopy).not.toBe(bare);
    expect(copy.metadata).toEqual(user.metadata);
    (copy.metadata.tags as string[]).push('c');
    (copy.metadata.bare as Record<string, unknown>).k = 'changed';
    (copy.metadata.roles as Map<string, boolean>).set('admin', false);
    (flatCopy.metadata as Record<string, unknown>).seats = 4;
    expect(user.metadata.tags).toEqual(['a', 'b']);
    expect((user.metadata.bare as Record<string, unknown>).k).toBe('v');
    expect((user.metadata.roles as Map<string, boolean>).get('admin')).toBe(true);
    expect(flat.metadata.seats).toBe(3);
  });

  it('leaves optional standard fields out of a class that does not declare them', () => {
    @AuthUser()
    class Minimal {
      @AuthField() id!: string;
      @AuthField() email!: string | null;
      @AuthField() name!: string | null;
      @AuthField() emailVerified!: boolean;
      @AuthField() image!: string | null;
      @AuthField() createdAt!: Date;
      @AuthField() updatedAt!: Date;
    }
    const minimal = buildEntityModel('user', Minimal);
    expect(minimal.has('email')).toBe(true);
    expect(minimal.has('username')).toBe(false);
    expect(minimal.read(minimal.create({ username: 'ada' }), 'username')).toBeUndefined();
  });
});
