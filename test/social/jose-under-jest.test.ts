import * as jose from 'jose';

/**
 * jose is ESM-only and Jest loads it through test/support/esm-package-transformer.js. Its error classes must come
 * out as jose ships them, or every refused token is refused for the same wrong reason (a ReferenceError from a
 * field set before `super()`, as under ts-jest with this project's `useDefineForClassFields: false`).
 */
describe('jose as the tests load it', () => {
  it('constructs its error classes with their codes, messages and prototype chain', () => {
    const expired = new jose.errors.JWTExpired('"exp" claim timestamp check failed', { exp: 1 }, 'exp', 'check_failed');
    expect(expired).toBeInstanceOf(jose.errors.JOSEError);
    expect(expired).toBeInstanceOf(Error);
    expect({ name: expired.name, code: expired.code, claim: expired.claim, message: expired.message }).toEqual({
      name: 'JWTExpired',
      code: 'ERR_JWT_EXPIRED',
      claim: 'exp',
      message: '"exp" claim timestamp check failed',
    });
    expect(new jose.errors.JWSSignatureVerificationFailed().code).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('throws its own error for a bad token, not a TypeError or ReferenceError', async () => {
    const key = new TextEncoder().encode('a-secret-of-at-least-thirty-two-bytes!!');
    const token = await new jose.SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(1).sign(key);
    const failure = await jose.jwtVerify(token, key).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(jose.errors.JWTExpired);
    expect((failure as jose.errors.JWTExpired).code).toBe('ERR_JWT_EXPIRED');
  });
});
