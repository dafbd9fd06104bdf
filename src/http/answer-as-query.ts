/**
 * The plain fields of a sign-in step's answer as query parameters (lists comma-joined; objects left out). A
 * redirect carries no JSON body, so a flow that ends in a redirect (a social callback, a followed magic link)
 * passes a step's answer (two-factor's `{ twoFactorRedirect, twoFactorMethods }`) this way: the page can tell
 * "signed in" from "asked for a second factor".
 * @example
 * new Redirect(withQuery(landing, answerAsQuery({ twoFactorRedirect: true, twoFactorMethods: ['totp'] })));
 */
export function answerAsQuery(body: Record<string, unknown>): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) query[name] = String(value);
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) query[name] = value.join(',');
  }
  return query;
}
