// The official Better Auth client (ESM-only) against the Nest app: sign-up, get-session and sign-out through
// the client's cookie flow, and the app's own protected route with the cookies the client collected.
// Usage: BASE_URL=http://127.0.0.1:3000 node test/nest/nest-client.mjs   (prints one JSON line)
import { randomBytes } from 'node:crypto';
import { createAuthClient } from 'better-auth/client';
import { jarFetchOptions } from '../client/cookie-jar.mjs';

const BASE_URL = process.env.BASE_URL;
const fetchOptions = jarFetchOptions(BASE_URL);
const client = createAuthClient({ baseURL: BASE_URL, fetchOptions });
const email = `nest-${randomBytes(4).toString('hex')}@example.com`;

// The app's own route, sent with what the client's jar holds (the jar adds the cookie and the trusted Origin).
async function profile() {
  const headers = new Headers();
  fetchOptions.onRequest({ headers });
  const response = await fetch(`${BASE_URL}/api/profile`, { headers });
  return { status: response.status, body: await response.json() };
}

const signUp = await client.signUp.email({ email, password: 'correct horse battery staple', name: 'Nest Reader' });
const session = await client.getSession();
const signedIn = await profile();
const signOut = await client.signOut();
const afterSignOut = await profile();
console.log(
  JSON.stringify({
    signUp: { error: signUp.error, email: signUp.data?.user.email === email, plan: signUp.data?.user.plan },
    session: { error: session.error, email: session.data?.user.email === email },
    signedIn: { status: signedIn.status, email: signedIn.body.email === email, plan: signedIn.body.plan },
    signOut: { error: signOut.error, success: signOut.data?.success },
    afterSignOut,
  }),
);
