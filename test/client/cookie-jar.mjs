// A cookie jar for the official client under node, which has none: `set-cookie` in, `cookie` out, with the
// server's own Origin (the trusted one). Shared by the client-plugin scripts and the adoption scripts.

/**
 * A jar that starts with `initialCookie` (a `cookie` header's `name=value; …`), for a browser that already holds
 * cookies. `fetchOptions` goes to `createAuthClient`; `cookie()` is what the jar holds now, as a `cookie` header.
 */
export function cookieJar(baseURL, initialCookie = '') {
  const jar = new Map(
    initialCookie
      .split('; ')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const fetchOptions = {
    onRequest(context) {
      if (jar.size > 0) context.headers.set('cookie', cookie());
      context.headers.set('origin', baseURL);
    },
    onResponse({ response }) {
      for (const line of response.headers.getSetCookie()) {
        const [pair, ...attributes] = line.split(';').map((part) => part.trim());
        const equals = pair.indexOf('=');
        const name = pair.slice(0, equals);
        if (attributes.some((attribute) => /^max-age=0$/i.test(attribute))) jar.delete(name);
        else jar.set(name, pair.slice(equals + 1));
      }
    },
  };
  return { fetchOptions, cookie };
}

/** The fetch options of an empty jar. */
export function jarFetchOptions(baseURL) {
  return cookieJar(baseURL).fetchOptions;
}
