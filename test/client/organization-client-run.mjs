// What the organization client scripts share: the server from BASE_URL, the mode (`--mode cookies|bearer`),
// failing loudly, and one better-auth client per person.
import { createAuthClient } from 'better-auth/client';
import { jarFetchOptions } from './cookie-jar.mjs';

export const PASSWORD = 'correct horse battery staple';

/**
 * The run of one script: `fail` prints on stderr and exits 1, `ok` unwraps a client answer or fails, and
 * `device()` is one person's client with the plugins `plugins()` makes (fresh ones for each client): cookies in a
 * jar, or the bearer token from `set-auth-token`.
 * @example
 * const { ok, device } = clientRun('organization-client', () => [organizationClient()]);
 */
export function clientRun(scriptName, plugins) {
  const baseURL = process.env.BASE_URL;
  const mode = process.argv.includes('--mode') ? process.argv[process.argv.indexOf('--mode') + 1] : 'cookies';
  const fail = (message) => {
    process.stderr.write(`${scriptName} (${mode}): ${message}\n`);
    process.exit(1);
  };
  if (!baseURL) fail('BASE_URL must be set');
  const ok = (step, result) => {
    if (result.error) fail(`${step}: ${JSON.stringify(result.error)}`);
    return result.data;
  };
  const device = () => {
    let bearer = null;
    const fetchOptions =
      mode === 'cookies'
        ? jarFetchOptions(baseURL)
        : {
            auth: { type: 'Bearer', token: () => bearer ?? undefined },
            onSuccess({ response }) {
              const token = response.headers.get('set-auth-token');
              if (token) bearer = token;
            },
          };
    return createAuthClient({ baseURL, plugins: plugins(), fetchOptions });
  };
  return { mode, fail, ok, device };
}
