import { createAuth } from '../../examples/create-auth';

const ORIGIN = 'http://localhost:3000';

async function signInSocial(auth: ReturnType<typeof createAuth>['auth'], provider: string) {
  const response = await auth.handler(
    new Request(`${ORIGIN}/api/auth/sign-in/social`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ provider }) }),
  );
  return { status: response.status, json: (await response.json()) as any };
}

describe('the example app with a provider named by its environment', () => {
  it('mounts GitHub sign-in when SOCIAL_PROVIDER=github (the authorization URL needs no network for OAuth 2.0)', async () => {
    const { auth } = createAuth({ env: { SOCIAL_PROVIDER: 'github', SOCIAL_CLIENT_ID: 'gh-client', SOCIAL_CLIENT_SECRET: 'gh-secret' } });
    const result = await signInSocial(auth, 'github');
    expect(result.status).toBe(200);
    const url = new URL(result.json.url);
    expect(url.origin + url.pathname).toBe('https://github.com/login/oauth/authorize');
    expect(url.searchParams.get('client_id')).toBe('gh-client');
    expect(url.searchParams.get('redirect_uri')).toBe(`${ORIGIN}/api/auth/callback/github`);
  });

  it('has no social routes without one, and names what is missing when the environment is incomplete', async () => {
    expect((await signInSocial(createAuth({ env: {} }).auth, 'github')).status).toBe(404);
    expect(() => createAuth({ env: { SOCIAL_PROVIDER: 'github' } })).toThrow(/SOCIAL_CLIENT_ID/);
    expect(() => createAuth({ env: { SOCIAL_PROVIDER: 'oidc', SOCIAL_CLIENT_ID: 'a', SOCIAL_CLIENT_SECRET: 'b' } })).toThrow(/SOCIAL_ISSUER/);
  });
});
