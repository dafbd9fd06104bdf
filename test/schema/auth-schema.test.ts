import { BetterAuth, getAuthSchema, schemaSql, type AuthPlugin } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { AuthField, AuthUser } from 'better-auth-entities/entities';
import { EmailPasswordPlugin } from 'better-auth-entities/plugins';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { appEntities } from '../../examples/entities';
import { AuditLogPlugin } from './fixtures/audit-log-plugin';

const SECRET = 'schema-test-secret-with-more-than-thirty-two-chars';

function buildAuth(plugins: AuthPlugin[] = [], entities: object = appEntities) {
  let builder = new BetterAuth({ secret: SECRET }).database(new MemoryDatabaseAdapter(entities)).plugin(new EmailPasswordPlugin());
  for (const plugin of plugins) builder = builder.plugin(plugin);
  return builder.build();
}

/** A class with custom table and column names, as an app with an existing table would write it. */
@Entity('app_accounts_people', { synchronize: false })
@AuthUser()
class LegacyPerson {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'person_id' }) @AuthField() id!: string;
  @Column({ type: 'varchar', name: 'mail', nullable: true, unique: true }) @AuthField() email!: string | null;
  @Column({ type: 'varchar', name: 'full_name', nullable: true }) @AuthField('name') fullName!: string | null;
  @Column({ name: 'is_verified', default: false }) @AuthField() emailVerified!: boolean;
  @Column({ type: 'text', nullable: true }) @AuthField() image!: string | null;
  @Column({ name: 'tier', type: 'integer', default: 1 }) @AuthField({ input: false }) tier!: number;
  @Column({ name: 'inserted_at' }) @AuthField() createdAt!: Date;
  @Column({ name: 'modified_at' }) @AuthField() updatedAt!: Date;
}

describe('getAuthSchema', () => {
  it('lists the core tables of the example app with its custom columns, remapped fields and defaults', () => {
    const schema = getAuthSchema(buildAuth());
    expect(schema.tables.map((table) => table.name)).toEqual(['users', 'sessions', 'accounts', 'verifications', 'account_failures']);
    const users = schema.tables[0]!;
    expect(users.columns.find((column) => column.field === 'name')).toMatchObject({ name: 'name', type: 'string', nullable: true });
    expect(users.columns.find((column) => column.field === 'plan')).toMatchObject({ name: 'plan', nullable: false, defaultValue: 'free' });
    expect(users.columns.find((column) => column.field === 'stripeCustomerId')).toMatchObject({ name: 'stripe_customer_id', nullable: true });
    expect(users.columns.find((column) => column.field === 'email')).toMatchObject({ unique: true });
    const sessions = schema.tables[1]!;
    expect(sessions.columns.find((column) => column.field === 'userId')?.references).toEqual({ table: 'users', column: 'id', onDelete: 'cascade' });
    expect(sessions.columns.find((column) => column.field === 'deviceLabel')).toMatchObject({ name: 'device_label', nullable: true });
  });

  it('takes custom table and column names from the decorated class, keeping the API field names', () => {
    const schema = getAuthSchema(buildAuth([], { user: LegacyPerson }));
    const users = schema.tables[0]!;
    expect(users.name).toBe('app_accounts_people');
    expect(users.columns.map((column) => [column.field, column.name])).toEqual(
      expect.arrayContaining([
        ['id', 'person_id'],
        ['email', 'mail'],
        ['name', 'full_name'],
        ['tier', 'tier'],
        ['createdAt', 'inserted_at'],
      ]),
    );
    expect(users.columns.find((column) => column.field === 'tier')).toMatchObject({ type: 'number', defaultValue: 1 });
    expect(schema.tables[1]!.columns.find((column) => column.field === 'userId')?.references).toEqual({ table: 'app_accounts_people', column: 'person_id', onDelete: 'cascade' });
  });

  it('includes a plugin table and the fields a plugin adds to a core table', () => {
    const schema = getAuthSchema(buildAuth([new AuditLogPlugin()]));
    expect(schema.tables.map((table) => table.name)).toEqual(['users', 'sessions', 'accounts', 'verifications', 'account_failures', 'audit_log']);
    const audit = schema.tables[5]!;
    expect(audit).toMatchObject({ model: 'auditLog', source: 'audit-log' });
    expect(audit.columns.map((column) => column.name)).toEqual(['id', 'action', 'user_id', 'details', 'created_at']);
    expect(audit.columns.find((column) => column.field === 'userId')?.references).toEqual({ table: 'users', column: 'id', onDelete: 'cascade' });
    expect(audit.indexes).toEqual([{ columns: ['user_id'], unique: false }]);
    expect(schema.tables[0]!.columns.find((column) => column.field === 'lastAuditAt')).toMatchObject({ name: 'last_audit_at', type: 'date', source: 'audit-log' });
  });

  it('refuses a plugin field whose column the table already has, naming the plugin', () => {
    const clash: AuthPlugin = { id: 'clash', routes: () => [], schema: { tables: { user: { fields: { plan: { type: 'string' } } } } } };
    expect(() => getAuthSchema(buildAuth([clash]))).toThrow(/"clash" adds the column "plan" to users/);
  });

  it('writes each dialect its own types, keys and defaults', () => {
    const schema = getAuthSchema(buildAuth([new AuditLogPlugin()]));
    const postgres = schemaSql(schema, 'postgres');
    const mysql = schemaSql(schema, 'mysql');
    const sqlite = schemaSql(schema, 'sqlite');
    // The example's `@Column({ type: 'varchar', length: 32 }) plan` keeps its length.
    expect(postgres).toContain('"plan" VARCHAR(32) NOT NULL DEFAULT \'free\'');
    expect(postgres).toContain('"created_at" TIMESTAMPTZ NOT NULL DEFAULT NOW()');
    expect(mysql).toContain('`email_verified` TINYINT NOT NULL DEFAULT 0');
    expect(mysql).toContain('`details` text NULL');
    expect(sqlite).toContain('"id" varchar(255) PRIMARY KEY NOT NULL');
    expect(sqlite).toContain('CREATE INDEX IF NOT EXISTS "audit_log_user_id_idx" ON "audit_log" ("user_id")');
  });
});
