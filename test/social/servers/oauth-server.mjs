// A small hand-written OAuth 2.0 server (node:http) on a loopback port: authorization code with PKCE S256,
// refresh with rotation, a GitHub-like /user endpoint. With `openid` in the scope it also issues ID tokens,
// and the test can make them bad on purpose (POST /__test/id-token-mode): a rogue provider for the attacks.
// Env: CLIENT_ID, CLIENT_SECRET. Prints "READY <origin>" once listening.
import { createHash, createHmac, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { createServer } from 'node:http';

const CLIENT_ID = process.env.CLIENT_ID;
const CLIENT_SECRET = process.env.CLIENT_SECRET;
const published = generateKeyPairSync('rsa', { modulusLength: 2048 });
const unpublished = generateKeyPairSync('rsa', { modulusLength: 2048 });
const KID = 'test-key-1';
const users = new Map(); // sub → { id, login, email, verified, name, avatar_url }
const codes = new Map(); // code → grant
const accessTokens = new Map(); // token → sub
const refreshTokens = new Map(); // token → grant
let idTokenMode = 'valid';

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, origin);
    const route = `${req.method} ${url.pathname}`;
    if (route === 'POST /__test/users') {
      const user = JSON.parse(await readBody(req));
      users.set(user.sub, user);
      return send(res, 204);
    }
    if (route === 'POST /__test/id-token-mode') {
      idTokenMode = JSON.parse(await readBody(req)).mode;
      return send(res, 204);
    }
    if (route === 'POST /__test/mint-id-token') {
      // An ID token as a provider's own SDK would hand it to a device (no code exchange), made wrong by the mode.
      const { sub, nonce } = JSON.parse(await readBody(req));
      return json(res, 200, { idToken: idToken({ sub, nonce }) });
    }
    if (route === 'GET /.well-known/openid-configuration') {
      return json(res, 200, {
        issuer: origin,
        authorization_endpoint: `${origin}/authorize`,
        token_endpoint: `${origin}/token`,
        jwks_uri: `${origin}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (route === 'GET /jwks') return json(res, 200, { keys: [{ ...published.publicKey.export({ format: 'jwk' }), kid: KID, alg: 'RS256', use: 'sig' }] });
    if (route === 'GET /authorize') return authorize(url, res);
    if (route === 'POST /token') return token(req, res);
    if (route === 'GET /user') {
      const sub = accessTokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (!sub) return json(res, 401, { message: 'Bad credentials' });
      const { sub: _sub, ...profile } = users.get(sub);
      return json(res, 200, profile);
    }
    return json(res, 404, { error: 'not_found' });
  } catch (error) {
    return json(res, 500, { error: String(error) });
  }
});

// Logs in the user named by login_hint at once (no form) and sends the browser back with a code.
function authorize(url, res) {
  const p = Object.fromEntries(url.searchParams);
  if (p.client_id !== CLIENT_ID || p.response_type !== 'code' || p.code_challenge_method !== 'S256' || !p.code_challenge) {
    return json(res, 400, { error: 'invalid_request' });
  }
  const back = new URL(p.redirect_uri);
  if (!users.has(p.login_hint)) {
    back.searchParams.set('error', 'access_denied');
  } else {
    const code = random();
    codes.set(code, { sub: p.login_hint, redirectURI: p.redirect_uri, challenge: p.code_challenge, nonce: p.nonce, scope: p.scope ?? '' });
    back.searchParams.set('code', code);
  }
  if (p.state) back.searchParams.set('state', p.state);
  res.writeHead(302, { location: back.href }).end();
}

async function token(req, res) {
  const form = new URLSearchParams(await readBody(req));
  const [id, secret] = clientCredentials(req, form);
  if (id !== CLIENT_ID || secret !== CLIENT_SECRET) return json(res, 401, { error: 'invalid_client' });
  let grant;
  if (form.get('grant_type') === 'authorization_code') {
    grant = codes.get(form.get('code'));
    codes.delete(form.get('code')); // single use
    const verifier = form.get('code_verifier') ?? '';
    if (!grant || grant.redirectURI !== form.get('redirect_uri') || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
      return json(res, 400, { error: 'invalid_grant' });
    }
  } else if (form.get('grant_type') === 'refresh_token') {
    grant = refreshTokens.get(form.get('refresh_token'));
    refreshTokens.delete(form.get('refresh_token')); // rotation: each refresh token works once
    if (!grant) return json(res, 400, { error: 'invalid_grant' });
  } else {
    return json(res, 400, { error: 'unsupported_grant_type' });
  }
  const accessToken = random();
  const refreshToken = random();
  accessTokens.set(accessToken, grant.sub);
  refreshTokens.set(refreshToken, grant);
  const answer = { access_token: accessToken, token_type: 'bearer', expires_in: 3600, refresh_token: refreshToken, scope: grant.scope };
  if (grant.scope.split(' ').includes('openid')) answer.id_token = idToken(grant);
  return json(res, 200, answer);
}

// The ID token, made wrong in the way the current mode says.
function idToken(grant) {
  const now = Math.floor(Date.now() / 1000);
  const user = users.get(grant.sub);
  const claims = { iss: origin, sub: grant.sub, aud: CLIENT_ID, iat: now, exp: now + 600, nonce: grant.nonce, email: user.email, email_verified: user.verified, name: user.name };
  if (idTokenMode === 'expired') Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
  if (idTokenMode === 'wrong-audience') claims.aud = 'someone-else';
  if (idTokenMode === 'wrong-issuer') claims.iss = 'https://evil.example';
  if (idTokenMode === 'wrong-nonce') claims.nonce = 'not-the-nonce-we-were-sent';
  const alg = idTokenMode === 'alg-none' ? 'none' : idTokenMode === 'hs256' ? 'HS256' : 'RS256';
  const input = `${b64({ alg, typ: 'JWT', kid: KID })}.${b64(claims)}`;
  if (alg === 'none') return `${input}.`;
  if (alg === 'HS256') return `${input}.${createHmac('sha256', CLIENT_SECRET).update(input).digest('base64url')}`;
  const key = idTokenMode === 'forged' ? unpublished.privateKey : published.privateKey;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

function clientCredentials(req, form) {
  const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
  if (basic) return Buffer.from(basic[1], 'base64').toString().split(':').map(decodeURIComponent);
  return [form.get('client_id'), form.get('client_secret')];
}

const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const random = () => randomBytes(24).toString('base64url');
const send = (res, status) => res.writeHead(status).end();
const json = (res, status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
function readBody(req) {
  return new Promise((resolve, reject) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
console.log(`READY ${origin}`);
