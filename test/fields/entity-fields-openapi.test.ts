import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { IsIn, Matches } from 'class-validator';
import { AuthField, AuthUser, BaseUser } from 'better-auth-entities/entities';
import { AdminPlugin, EmailPasswordPlugin, OrganizationPlugin } from 'better-auth-entities/plugins';
import { appEntities } from '../../examples/entities';
import { makeLifecycleAuth } from '../support/lifecycle-auth';
import { ORIGIN, TEST_SECRET } from '../support/test-auth';

/** The example's reference document: its user class has typed custom fields and class-validator rules. */
async function reference() {
  const { auth } = makeLifecycleAuth();
  const response = await auth.handler(new Request(`http://localhost:3000${auth.context.config.basePath}/reference/openapi.json`));
  return response.json();
}

/** The schema of a request body: the DTO's $ref, and the custom input fields beside it. */
function requestParts(document: any, path: string): { dto: any; custom: any } {
  const schema = document.paths[`/api/auth${path}`].post.requestBody.content['application/json'].schema;
  const [ref, custom] = schema.allOf;
  return { dto: document.components.schemas[ref.$ref.split('/').pop()], custom };
}

/** A user with the admin fields (from BaseUser) and typed custom fields with rules; one server-only. */
@AuthUser()
class StaffUser extends BaseUser {
  @AuthField({ type: 'string', nullable: true, maxLength: 40 }) @Matches(/^[a-z]*$/) nickname!: string | null;
  @AuthField({ type: 'number', nullable: false }) @IsIn([1, 2, 3]) level!: number;
  @AuthField({ type: 'string', input: false }) costCentre!: string | null;
}

describe('the app class’s fields in the API reference', () => {
  it('gives each custom field of the User schema its real type, nullability, column limits and the class’s rules', async () => {
    const user = (await reference()).components.schemas.User.properties;
    expect(user.nickname).toEqual({ type: ['string', 'null'], maxLength: 40, pattern: '^[\\w .-]*$' });
    expect(user.age).toEqual({ type: ['integer', 'null'], minimum: -2_147_483_648, maximum: 2_147_483_647 });
    expect(user.birthday).toEqual({ type: ['string', 'null'], format: 'date-time' });
    expect(user.newsletter).toEqual({ type: ['boolean', 'null'] });
    expect(user.preferences).toEqual({});
    expect(user.plan).toEqual({ type: 'string', maxLength: 32, enum: ['free', 'pro'] });
  });

  it.each(['/sign-up/email', '/update-user'])('lists every custom input field of the user class in the %s request body, and no server-only one', async (path) => {
    const { dto, custom } = requestParts(await reference(), path);
    expect(Object.keys(dto.properties)).toContain('name');
    expect(Object.keys(custom.properties).sort()).toEqual(['age', 'birthday', 'newsletter', 'nickname', 'preferences']);
    expect(custom.properties.nickname.pattern).toBe('^[\\w .-]*$');
  });

  it('lists the organization class’s custom fields with their rules in the create-organization body', async () => {
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN })
      .database(new MemoryDatabaseAdapter(appEntities))
      .plugin(new EmailPasswordPlugin())
      .plugin(new OrganizationPlugin())
      .build();
    const response = await auth.handler(new Request(`http://localhost:3000${auth.context.config.basePath}/reference/openapi.json`));
    const { custom } = requestParts(await response.json(), '/organization/create');
    expect(custom.properties.billingEmail).toEqual({ type: ['string', 'null'], maxLength: 120 });
  });

  it.each([
    ['/admin/create-user', 'user'],
    ['/admin/update-user', 'user'],
    ['/organization/update', 'organization'],
  ])('lists the custom input fields of the app class under `data` in the %s request body, with types and rules', async (path, kind) => {
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN })
      .database(new MemoryDatabaseAdapter({ ...appEntities, user: StaffUser }))
      .plugin(new EmailPasswordPlugin())
      .plugin(new AdminPlugin())
      .plugin(new OrganizationPlugin())
      .build();
    const response = await auth.handler(new Request(`http://localhost:3000${auth.context.config.basePath}/reference/openapi.json`));
    const { dto, custom } = requestParts(await response.json(), path);
    expect(Object.keys(dto.properties)).toContain('data');
    const fields = custom.properties.data.properties;
    if (kind === 'user') {
      // costCentre is `input: false`: no request body sets it, an admin's neither.
      expect(Object.keys(fields).sort()).toEqual(['level', 'nickname']);
      expect(fields.nickname).toEqual({ type: ['string', 'null'], maxLength: 40, pattern: '^[a-z]*$' });
      expect(fields.level).toEqual({ type: 'number', enum: [1, 2, 3] });
    } else {
      expect(fields.billingEmail).toEqual({ type: ['string', 'null'], maxLength: 120 });
    }
  });
});
