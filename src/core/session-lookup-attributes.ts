/**
 * The attributes of `auth.session.lookups`, built once so counting a lookup allocates nothing on the hot
 * path: where the session was found (`auth.session.source`) and what the lookup found (`auth.outcome`).
 */
export const SESSION_LOOKUP_ATTRIBUTES = Object.freeze({
  cacheFound: Object.freeze({ 'auth.session.source': 'cache', 'auth.outcome': 'found' }),
  cacheRevoked: Object.freeze({ 'auth.session.source': 'cache', 'auth.outcome': 'revoked' }),
  databaseFound: Object.freeze({ 'auth.session.source': 'database', 'auth.outcome': 'found' }),
  databaseMissing: Object.freeze({ 'auth.session.source': 'database', 'auth.outcome': 'not_found' }),
});
