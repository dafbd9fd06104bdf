// A real OpenID Connect provider (oidc-provider) on a loopback port, for the social sign-in tests.
// Env: REDIRECT_URIS (comma-separated). Prints "READY <issuer>" once listening.
// Test hooks: POST /__test/accounts {sub, ...claims} registers a person; the interaction logs in the
// person named by the authorization request's login_hint (the test's stand-in for a login form).
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const accounts = new Map();
const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'test-client',
      client_secret: 'test-client-secret-long-enough-for-hs256-32',
      redirect_uris: process.env.REDIRECT_URIS.split(','),
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'given_name', 'family_name', 'picture'] },
  conformIdTokenClaims: false,
  findAccount: async (_ctx, sub) => (accounts.has(sub) ? { accountId: sub, claims: async () => ({ sub, ...accounts.get(sub) }) } : undefined),
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  issueRefreshToken: async () => true,
  pkce: { required: () => true },
  cookies: { keys: ['oidc-test-cookie-key'] },
  ttl: { AccessToken: 3600, IdToken: 3600, RefreshToken: 86400, Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60 },
});

const callback = provider.callback();

server.on('request', async (req, res) => {
  try {
    if (req.method === 'POST' && req.url === '/__test/accounts') {
      const body = JSON.parse(await readBody(req));
      accounts.set(body.sub, body);
      res.writeHead(204).end();
      return;
    }
    const interaction = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '');
    if (interaction) {
      const details = await provider.interactionDetails(req, res);
      const sub = details.params.login_hint;
      if (!accounts.has(sub)) {
        await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'unknown test account' }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = new provider.Grant({ accountId: sub, clientId: details.params.client_id });
      grant.addOIDCScope(details.params.scope);
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId: sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
      return;
    }
    callback(req, res);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error?.stack ?? error));
  }
});

function readBody(req) {
  return new Promise((resolve, reject) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

console.log(`READY ${issuer}`);
