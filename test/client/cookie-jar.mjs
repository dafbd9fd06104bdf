// A cookie jar for the official client under node, which has none: `set-cookie` in, `cookie` out, with the
// server's own Origin (the trusted one). Shared by the client-plugin scripts.
export function jarFetchOptions(baseURL) {
  const jar = new Map();
  return {
    onRequest(context) {
      if (jar.size > 0) context.headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
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
}
