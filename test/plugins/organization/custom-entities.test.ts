import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Column, Entity } from 'typeorm';
import { BetterAuth, MemoryEmailSender } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { AuthField, AuthMember, AuthOrganization, BaseMember, BaseOrganization } from 'better-auth-entities/entities';
import { runMigrations } from 'better-auth-entities/migrations';
import { EmailPasswordPlugin, OrganizationPlugin } from 'better-auth-entities/plugins';
import { appEntities, type AppUser } from '../../../examples/entities';
import { TEST_SECRET, ORIGIN } from '../../support/test-auth';
import { as, person, unique } from './org-support';

/** The app's organization: a billing address anyone creating it may give, and an internal code no body may set. */
@Entity('organization', { synchronize: false })
@AuthOrganization()
class TeamOrganization extends BaseOrganization {
  @Column({ name: 'billing_email', type: 'varchar', nullable: true }) billingEmail!: string | null;
  @Column({ name: 'internal_code', type: 'varchar', nullable: true }) @AuthField({ input: false }) internalCode!: string | null;
}

/** The app's member: a job title. */
@Entity('member', { synchronize: false })
@AuthMember()
class TeamMember extends BaseMember {
  @Column({ type: 'varchar', nullable: true }) title!: string | null;
}

const entities = { ...appEntities, organization: TeamOrganization, member: TeamMember };
const directory = mkdtempSync(join(tmpdir(), 'bae-org-custom-'));
const opened: TypeOrmAdapter<any, any, any, any, any, any, any>[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
  rmSync(directory, { recursive: true, force: true });
});

const BACKENDS: Array<[string, () => Promise<any>]> = [
  ['memory', async () => new MemoryDatabaseAdapter(entities)],
  [
    'TypeORM on SQLite',
    async () => {
      const database = await TypeOrmAdapter.connect(`sqlite:${join(directory, 'custom.db')}`, entities);
      opened.push(database);
      await runMigrations(database);
      // The app's own migration: its extra columns.
      for (const statement of [
        'ALTER TABLE users ADD COLUMN plan VARCHAR(32) NOT NULL DEFAULT \'free\'',
        'ALTER TABLE users ADD COLUMN stripe_customer_id VARCHAR(255)',
        'ALTER TABLE users ADD COLUMN nickname VARCHAR(40)',
        'ALTER TABLE users ADD COLUMN birthday DATETIME(6)',
        'ALTER TABLE users ADD COLUMN age INTEGER',
        'ALTER TABLE users ADD COLUMN newsletter BOOLEAN',
        'ALTER TABLE users ADD COLUMN preferences TEXT',
        'ALTER TABLE sessions ADD COLUMN device_label VARCHAR(255)',
        'ALTER TABLE organization ADD COLUMN billing_email VARCHAR(255)',
        'ALTER TABLE organization ADD COLUMN internal_code VARCHAR(255)',
        'ALTER TABLE member ADD COLUMN title VARCHAR(255)',
      ]) await database.dataSource.query(statement);
      return database;
    },
  ],
];

describe.each(BACKENDS)('custom organization and member classes on %s', (_name, open) => {
  it('input fields round-trip through create, update, add-member, list-members and get-full-organization; input: false ones never', async () => {
    const database = await open();
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: new MemoryEmailSender() })
      .database(database)
      .plugin(new EmailPasswordPlugin())
      .plugin(new OrganizationPlugin<AppUser, TeamOrganization, TeamMember>())
      .build();
    const owner = await person(auth.handler, database);
    const colleague = await person(auth.handler, database);
    const created = await as(auth.handler, owner).post('/organization/create', { name: 'Acme', slug: unique('acme'), billingEmail: 'billing@acme.example', internalCode: 'X-1' });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ billingEmail: 'billing@acme.example', internalCode: null });
    const organizationId = created.json.id as string;
    const stored: TeamOrganization = (await database.getOrganizationById(organizationId))!;
    expect(stored).toBeInstanceOf(TeamOrganization);
    expect(stored.internalCode).toBeNull();

    const updated = await as(auth.handler, owner).post('/organization/update', { organizationId, data: { billingEmail: 'finance@acme.example', internalCode: 'X-2' } });
    expect(updated.json).toMatchObject({ billingEmail: 'finance@acme.example', internalCode: null });
    expect((await as(auth.handler, owner).post('/organization/update', { organizationId, data: { billingEmail: 'x'.repeat(300) } })).json.code).toBe('VALIDATION_ERROR');

    // Typed: the server API hands back the app's own classes.
    const member: TeamMember = await auth.api.organization.addMember({ organizationId, userId: colleague.id, role: 'member', title: 'Engineer' });
    expect(member).toBeInstanceOf(TeamMember);
    expect(member.title).toBe('Engineer');
    const listed = await as(auth.handler, owner).get('/organization/list-members', { organizationId });
    expect(listed.json.members.map((m: { title: string | null }) => m.title)).toEqual([null, 'Engineer']);
    const full = await as(auth.handler, owner).get('/organization/get-full-organization', { organizationId });
    expect(full.json).toMatchObject({ billingEmail: 'finance@acme.example', members: [expect.objectContaining({ title: null }), expect.objectContaining({ title: 'Engineer' })] });
    const { organization } = await auth.api.organization.getFullOrganization({ organizationId });
    const billing: string | null = organization.billingEmail;
    expect(billing).toBe('finance@acme.example');
  });
});
