import { Column, Entity } from 'typeorm';
import { AuthDefault, AuthUser, BaseUser, BETTER_AUTH_TABLES, BetterAuthColumns, betterAuthEntities, buildEntityModels } from 'better-auth-entities/entities';
import { entityTable } from '../../src/schema/entity-table';

@Entity(BETTER_AUTH_TABLES.user, { synchronize: false })
@AuthUser()
@BetterAuthColumns()
class NamedUser extends BaseUser {
  @Column({ name: 'plan_name', type: 'varchar', length: 20, default: 'free' })
  @AuthDefault('free')
  plan!: string;
}

describe("the naming preset for better-auth's schema", () => {
  const models = buildEntityModels(betterAuthEntities({ user: NamedUser }));

  it("puts the app's own class on better-auth's table, standard columns under their field names, its own columns under its own", () => {
    const user = entityTable(models.user);
    expect(user.name).toBe('user');
    const columns = Object.fromEntries(user.columns.map((column) => [column.field, column.name]));
    expect(columns).toMatchObject({ id: 'id', email: 'email', emailVerified: 'emailVerified', createdAt: 'createdAt', twoFactorEnabled: 'twoFactorEnabled', plan: 'plan_name' });
  });

  it('gives every kind left out a class on better-auth\'s table and column names', () => {
    const tables = Object.fromEntries((['session', 'account', 'verification', 'organization', 'member', 'invitation'] as const).map((kind) => [kind, entityTable(models[kind])]));
    expect(Object.fromEntries(Object.entries(tables).map(([kind, table]) => [kind, table.name]))).toEqual({
      session: 'session', account: 'account', verification: 'verification', organization: 'organization', member: 'member', invitation: 'invitation',
    });
    expect(tables.session!.columns.map((column) => column.name)).toEqual(expect.arrayContaining(['token', 'userId', 'expiresAt', 'ipAddress', 'userAgent', 'activeOrganizationId']));
    expect(tables.account!.columns.map((column) => column.name)).toEqual(expect.arrayContaining(['accountId', 'providerId', 'accessTokenExpiresAt']));
    expect(tables.member!.columns.map((column) => column.name)).toEqual(expect.arrayContaining(['organizationId', 'userId', 'role']));
    for (const table of Object.values(tables)) for (const column of table.columns) expect(column.name).toBe(column.field);
  });

  it('leaves the built-in classes (and so apps without the preset) on our own names', () => {
    const ours = entityTable(buildEntityModels({}).session);
    expect(ours.name).toBe('sessions');
    expect(ours.columns.find((column) => column.field === 'userId')?.name).toBe('user_id');
  });

  it('refuses a class that extends no base class, naming the fix', () => {
    expect(() => BetterAuthColumns()(class Loose {})).toThrow(/extends none of BaseUser.*@Column\(\{ name \}\)/);
  });
});
