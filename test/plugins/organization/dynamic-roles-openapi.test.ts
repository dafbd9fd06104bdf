import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { orgAuth } from './org-support';

const VALIDATOR = path.join(__dirname, '..', '..', 'support', 'validate-openapi.mjs');
const ROLE_ROUTES = ['post /organization/create-role', 'get /organization/list-roles', 'get /organization/get-role', 'post /organization/update-role', 'post /organization/delete-role'];

describe('the API reference with dynamic access control', () => {
  async function reference(enabled: boolean) {
    const { auth } = orgAuth(new MemoryDatabaseAdapter(), { dynamicAccessControl: { enabled } });
    return (await auth.handler(new Request('http://localhost:3000/api/auth/reference/openapi.json'))).json();
  }
  const documented = (document: any) => ROLE_ROUTES.filter((entry) => {
    const [method, route] = entry.split(' ');
    return document.paths[`/api/auth${route}`]?.[method] !== undefined;
  });

  it('documents every role route, with its codes under their statuses, and stays a valid OpenAPI 3.1 document', async () => {
    const document = await reference(true);
    expect(documented(document)).toEqual(ROLE_ROUTES);
    const codesOf = (response: any) => response.content['application/json'].schema.allOf[1].properties.code.enum;
    const create = document.paths['/api/auth/organization/create-role'].post.responses;
    expect(codesOf(create['400'])).toEqual(expect.arrayContaining(['TOO_MANY_ROLES', 'INVALID_RESOURCE', 'ROLE_NAME_IS_ALREADY_TAKEN', 'INVALID_ROLE_NAME']));
    expect(codesOf(create['403'])).toEqual(expect.arrayContaining(['YOU_ARE_NOT_ALLOWED_TO_CREATE_A_ROLE', 'YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION']));
    const remove = document.paths['/api/auth/organization/delete-role'].post.responses;
    expect(codesOf(remove['400'])).toEqual(expect.arrayContaining(['ROLE_IS_ASSIGNED_TO_MEMBERS', 'ROLE_IS_ASSIGNED_TO_PENDING_INVITATIONS', 'CANNOT_DELETE_A_PRE_DEFINED_ROLE']));
    expect(document.paths['/api/auth/organization/get-role'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['roleName', 'roleId', 'organizationId']));
    const run = spawnSync(process.execPath, [VALIDATOR], { input: JSON.stringify(document), encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true, version: '3.1' });
  });

  it('leaves the role routes out when dynamic access control is off', async () => {
    expect(documented(await reference(false))).toEqual([]);
  });
});
