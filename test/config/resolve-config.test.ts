import { BetterAuth, ConfigError } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { TEST_SECRET } from '../support/test-auth';

function build(config: Partial<ConstructorParameters<typeof BetterAuth>[0]>) {
  return new BetterAuth({ secret: TEST_SECRET, ...config }).database(new MemoryDatabaseAdapter()).build().context.config;
}

describe('AuthConfig', () => {
  it('refuses a secret shorter than 32 characters with a message that says how to make one', () => {
    expect(() => build({ secret: 'too-short' })).toThrow(ConfigError);
    expect(() => build({ secret: 'too-short' })).toThrow(/at least 32 characters.*randomBytes/);
  });

  it('resolves the documented defaults', () => {
    const config = build({});
    expect(config.basePath).toBe('/api/auth');
    expect(config.baseURL.origin).toBe('http://localhost:3000');
    expect(config.session).toMatchObject({
      expiresInMs: 7 * 24 * 3600 * 1000,
      updateAgeMs: 24 * 3600 * 1000,
      cookieName: 'better-auth.session_token',
      cookieSecure: false,
      cookieHttpOnly: true,
      cookieSameSite: 'lax',
    });
    expect(config.maxBodyBytes).toBe(1024 * 1024);
    expect([...config.trustedOrigins]).toEqual(['http://localhost:3000']);
  });

  it('makes the cookie Secure and __Secure- prefixed on an https base URL', () => {
    const config = build({ baseURL: 'https://app.example.com' });
    expect(config.session.cookieSecure).toBe(true);
    expect(config.session.cookieName).toBe('__Secure-better-auth.session_token');
  });

  it('normalises the base path and the trusted origins', () => {
    const config = build({ basePath: 'auth/', trustedOrigins: ['https://admin.example.com/some/path'] });
    expect(config.basePath).toBe('/auth');
    expect(config.trustedOrigins.has('https://admin.example.com')).toBe(true);
  });

  it('refuses SameSite=None without a Secure cookie, a relative base URL and a bad trusted origin', () => {
    expect(() => build({ session: { cookieSameSite: 'none' } })).toThrow(/Secure/);
    expect(() => build({ baseURL: '/relative' })).toThrow(/absolute URL/);
    expect(() => build({ trustedOrigins: ['not a url'] })).toThrow(/trustedOrigins/);
    expect(() => build({ session: { expiresIn: 0 } })).toThrow(/expiresIn/);
  });
});
