import { appleOptions, discordOptions, githubOptions, gitlabOptions, googleOptions, microsoftOptions } from 'better-auth-entities/plugins';

// The presets are settings over the generic providers: their endpoints and profile mappings, checked without network.
const client = { clientId: 'id', clientSecret: 'secret' };
const callback = { code: 'c', state: 's', codeVerifier: 'v', nonce: 'n', redirectURI: 'http://localhost:3000/api/auth/callback/x' };

describe('provider presets', () => {
  it('Google: OpenID Connect at accounts.google.com, offline access, standard claims', () => {
    const options = googleOptions({ ...client, prompt: 'select_account', hostedDomain: 'example.com' });
    expect(options).toMatchObject({ id: 'google', issuer: 'https://accounts.google.com' });
    expect(options.authorizationParams).toEqual({ access_type: 'offline', include_granted_scopes: 'true', prompt: 'select_account', hd: 'example.com' });
    expect(options.profile).toBeUndefined(); // the standard claims
  });

  it('GitHub: OAuth 2.0 endpoints, the verified primary address from /user/emails', async () => {
    const options = githubOptions(client);
    expect(options).toMatchObject({
      id: 'github',
      authorizationEndpoint: 'https://github.com/login/oauth/authorize',
      tokenEndpoint: 'https://github.com/login/oauth/access_token',
      defaultScopes: ['read:user', 'user:email'],
    });
    const answers: Record<string, unknown> = {
      'https://api.github.com/user': { id: 7, login: 'octocat', name: null, email: 'public@example.com', avatar_url: 'https://avatars.example/7' },
      'https://api.github.com/user/emails': [
        { email: 'old@example.com', primary: false, verified: true },
        { email: 'primary@example.com', primary: true, verified: true },
      ],
    };
    const raw = await options.getUserInfo!({ accessToken: 't', tokenAnswer: {}, fetchJson: async (url) => answers[url] });
    expect(options.mapUserInfo(raw)).toEqual({ id: '7', email: 'primary@example.com', emailVerified: true, name: 'octocat', image: 'https://avatars.example/7' });

    answers['https://api.github.com/user/emails'] = [{ email: 'unverified@example.com', primary: true, verified: false }];
    const unverified = options.mapUserInfo(await options.getUserInfo!({ accessToken: 't', tokenAnswer: {}, fetchJson: async (url) => answers[url] }));
    expect(unverified).toMatchObject({ email: 'unverified@example.com', emailVerified: false });
  });

  it('Microsoft Entra ID: the tenant issuer, offline_access, email verified only with xms_edov; multi-tenant refused', () => {
    const options = microsoftOptions({ ...client, tenantId: 'contoso.onmicrosoft.com' });
    expect(options).toMatchObject({ id: 'microsoft', issuer: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0', userInfo: false });
    expect(options.scopes).toContain('offline_access');
    expect(options.profile!({ sub: 's', preferred_username: 'ada@contoso.com', name: 'Ada' }, callback)).toMatchObject({ email: 'ada@contoso.com', emailVerified: false, name: 'Ada' });
    expect(options.profile!({ sub: 's', email: 'ada@contoso.com', xms_edov: true }, callback).emailVerified).toBe(true);
    expect(() => microsoftOptions({ ...client, tenantId: 'common' })).toThrow(/directory id/);
  });

  it('Apple: form_post, secret in the body, the name from the one-time user field, "true" as verified', () => {
    const options = appleOptions(client);
    expect(options).toMatchObject({ id: 'apple', issuer: 'https://appleid.apple.com', responseMode: 'form_post', tokenEndpointAuth: 'client_secret_post' });
    expect(options.scopes).toEqual(['openid', 'name', 'email']);
    const user = JSON.stringify({ name: { firstName: 'Ada', lastName: 'Lovelace' }, email: 'ada@privaterelay.appleid.com' });
    expect(options.profile!({ sub: '001', email: 'ada@privaterelay.appleid.com', email_verified: 'true' as unknown as boolean }, { ...callback, user })).toMatchObject({
      id: '001',
      email: 'ada@privaterelay.appleid.com',
      emailVerified: true,
      name: 'Ada Lovelace',
    });
    expect(options.profile!({ sub: '001' }, { ...callback, user: 'not json' }).name).toBeNull();
  });

  it('Discord: OAuth 2.0 endpoints, global name and the avatar URL from its hash', () => {
    const options = discordOptions(client);
    expect(options).toMatchObject({
      id: 'discord',
      authorizationEndpoint: 'https://discord.com/oauth2/authorize',
      tokenEndpoint: 'https://discord.com/api/oauth2/token',
      userInfoEndpoint: 'https://discord.com/api/users/@me',
    });
    expect(options.mapUserInfo({ id: '80', username: 'nelly', global_name: 'Nelly', email: 'n@example.com', verified: true, avatar: 'abc' })).toEqual({
      id: '80',
      email: 'n@example.com',
      emailVerified: true,
      name: 'Nelly',
      image: 'https://cdn.discordapp.com/avatars/80/abc.png',
    });
  });

  it('GitLab: OpenID Connect on gitlab.com or a self-managed instance', () => {
    expect(gitlabOptions(client)).toMatchObject({ id: 'gitlab', issuer: 'https://gitlab.com' });
    expect(gitlabOptions({ ...client, issuer: 'https://git.example.com', id: 'work-gitlab' })).toMatchObject({ id: 'work-gitlab', issuer: 'https://git.example.com' });
  });
});
