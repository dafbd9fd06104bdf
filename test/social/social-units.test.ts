import { CachedConfiguration } from '../../src/plugins/social/cached-configuration';
import { resolveSocialSignInOptions } from '../../src/plugins/social/options';
import { oidcProvider } from 'better-auth-entities/plugins';

describe('CachedConfiguration', () => {
  it('discovers once within its lifetime, again after it, and retries after a failure', async () => {
    let calls = 0;
    let fail = true;
    const cache = new CachedConfiguration(async () => {
      calls += 1;
      if (fail) throw new Error('down');
      return { n: calls } as never;
    }, 1000);
    await expect(cache.get(0)).rejects.toThrow('down');
    fail = false;
    await expect(cache.get(1)).resolves.toEqual({ n: 2 });
    await expect(cache.get(500)).resolves.toEqual({ n: 2 });
    await expect(cache.get(2000)).resolves.toEqual({ n: 3 });
    expect(calls).toBe(3);
  });
});

describe('SocialSignInOptions', () => {
  const provider = (id: string) => oidcProvider({ id, issuer: 'https://issuer.example', clientId: 'c' });

  it('refuses a provider configured twice or an id that cannot be a path segment', () => {
    expect(() => resolveSocialSignInOptions({ providers: [provider('a'), provider('a')] })).toThrow(/twice/);
    expect(() => resolveSocialSignInOptions({ providers: [provider('a/b')] })).toThrow(/letters/);
    expect(resolveSocialSignInOptions({ providers: [provider('a')] }).accountLinking).toEqual({ enabled: true, trustedProviders: [], allowDifferentEmails: false });
  });
});

describe('the social routes in the OpenAPI document', () => {
  it('lists every route with its error codes', async () => {
    const { BetterAuth } = await import('better-auth-entities');
    const { MemoryDatabaseAdapter } = await import('better-auth-entities/adapters');
    const { SocialSignInPlugin } = await import('better-auth-entities/plugins');
    const auth = new BetterAuth({ secret: 'a-secret-with-more-than-thirty-two-characters', baseURL: 'http://localhost:3000' })
      .database(new MemoryDatabaseAdapter())
      .plugin(new SocialSignInPlugin({ providers: [oidcProvider({ id: 'sso', issuer: 'https://issuer.example', clientId: 'c' })] }))
      .build();
    const response = await auth.handler(new Request('http://localhost:3000/api/auth/reference/openapi.json'));
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
    for (const path of ['/sign-in/social', '/link-social', '/get-access-token', '/refresh-token']) expect(document.paths[`/api/auth${path}`]?.post).toBeDefined();
    expect(Object.keys(document.paths["/api/auth/callback/{provider}"] ?? {}).sort()).toEqual(['get', 'post']);
    expect(JSON.stringify(document)).toContain('PROVIDER_NOT_FOUND');
  });
});
