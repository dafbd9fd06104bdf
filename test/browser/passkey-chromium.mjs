// Drives Debian's chromium (headless, over the DevTools protocol) through passkey registration and sign-in on
// the page BASE_URL serves, which loads better-auth's official passkeyClient. puppeteer-core is ESM-only, so
// this runs as a script that passkey-chromium.test.ts spawns; it prints one JSON line of what happened.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const { BASE_URL, CHROMIUM, EMAIL, PASSWORD } = process.env;
const profile = mkdtempSync(path.join(tmpdir(), 'bae-chromium-'));
const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`],
});

try {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  await page.goto(`${BASE_URL}/`);
  await page.waitForFunction('window.clientReady === true');
  // Runs `body` in the page with the official client as `client`.
  const inPage = (body, arg = null) => page.evaluate(`(async (client, arg) => { ${body} })(window.authClient, ${JSON.stringify(arg)})`);

  const results = { version: await browser.version() };
  results.signUp = await inPage('const r = await client.signUp.email({ email: arg.email, password: arg.password, name: "Chris" }); return { error: r.error, email: r.data?.user?.email };', { email: EMAIL, password: PASSWORD });
  results.added = await inPage('const r = await client.passkey.addPasskey({ name: "Chromium" }); return { error: r.error, name: r.data?.name, credentialID: r.data?.credentialID, transports: r.data?.transports };');
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  results.authenticatorHolds = credentials.map((c) => ({ resident: c.isResidentCredential, id: Buffer.from(c.credentialId, 'base64').toString('base64url') }));
  results.signOut = await inPage('const o = await client.signOut(); const s = await client.getSession(); return { signOut: o.data, session: s.data };');
  results.signIn = await inPage('const r = await client.signIn.passkey(); const s = await client.getSession(); return { error: r.error, email: r.data?.user?.email, session: s.data?.user?.email };');
  results.listed = await inPage('const r = await client.passkey.listUserPasskeys(); return r.data.map((p) => ({ id: p.id, name: p.name, credentialID: p.credentialID }));');
  results.again = await inPage('const r = await client.passkey.addPasskey({ name: "Twice" }); return { data: r.data, code: r.error?.code };');
  results.deleted = await inPage('const d = await client.passkey.deletePasskey({ id: arg }); const l = await client.passkey.listUserPasskeys(); return { deleted: d.data, after: l.data };', results.listed[0]?.id ?? '');
  console.log(JSON.stringify(results));
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
