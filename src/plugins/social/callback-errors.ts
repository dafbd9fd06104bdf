import { withQuery } from '../../http/redirect-target';
import { Redirect } from '../../http/redirect';

// What a provider's own `error` may look like to be passed on; anything else becomes `provider_error`.
const ERROR_CODE_SHAPE = /^[a-z0-9_.-]{1,64}$/i;

/**
 * The browser's way out of a failed callback: a redirect to the flow's error URL (checked against the trusted
 * origins when the flow started) with `?error=<code>`, as better-auth's error pages expect. JSON would strand
 * the user on the auth server.
 */
export function callbackFailure(errorURL: string, code: string): Redirect {
  return new Redirect(withQuery(errorURL, { error: ERROR_CODE_SHAPE.test(code) ? code : 'provider_error' }));
}
