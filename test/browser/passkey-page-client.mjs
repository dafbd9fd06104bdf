// The script the browser test's page loads (bundled by esbuild): better-auth's own client with its official
// passkeyClient, on the page's origin, exposed for the test to drive.
import { createAuthClient } from 'better-auth/client';
import { passkeyClient } from '@better-auth/passkey/client';

window.authClient = createAuthClient({ baseURL: window.location.origin, plugins: [passkeyClient()] });
window.clientReady = true;
