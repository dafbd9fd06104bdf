import { BetterAuth, MemoryEmailSender } from 'better-auth-entities';
import { EmailPasswordPlugin, OrganizationPlugin } from 'better-auth-entities/plugins';
import { describeOnEveryBackend } from '../support/backends';
import { ORIGIN, TEST_SECRET } from '../support/test-auth';
import { as, person, unique } from '../plugins/organization/org-support';

/** The example's organization class caps `billingEmail` with `@MaxLength(120)`, on a nullable varchar column. */
describeOnEveryBackend('the organization class’s own rules', (backend) => {
  it('create and update refuse a value the class’s rule or type refuses, with 400 naming the field, and change nothing', async () => {
    const database = backend.database();
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: new MemoryEmailSender() })
      .database(database)
      .plugin(new EmailPasswordPlugin())
      .plugin(new OrganizationPlugin())
      .build();
    const owner = await person(auth.handler, database as never);
    const slug = unique('rules');
    const tooLong = `${'b'.repeat(110)}@acme.example`;
    for (const billingEmail of [tooLong, 42]) {
      const refused = await as(auth.handler, owner).post('/organization/create', { name: 'Acme', slug, billingEmail });
      expect([refused.status, refused.json.code, refused.json.details?.[0]?.field]).toEqual([400, 'VALIDATION_ERROR', 'billingEmail']);
    }
    expect(await database.getOrganizationBySlug(slug)).toBeNull();

    const created = await as(auth.handler, owner).post('/organization/create', { name: 'Acme', slug, billingEmail: 'billing@acme.example' });
    expect(created.status).toBe(200);
    const refused = await as(auth.handler, owner).post('/organization/update', { organizationId: created.json.id, data: { billingEmail: tooLong } });
    expect([refused.status, refused.json.details?.[0]?.messages?.[0]]).toEqual([400, expect.stringMatching(/\(maxLength\)$/)]);
    expect(((await database.getOrganizationById(created.json.id)) as { billingEmail: string }).billingEmail).toBe('billing@acme.example');
  });
});
