import fc from 'fast-check';
import { AuthError, CookieSigner } from 'better-auth-entities';
import type { AuthRequest } from 'better-auth-entities';
import { parseCookies } from '../../src/wire/cookies';
import { readJsonBody } from '../../src/http/json-body';

const signer = new CookieSigner('property-test-secret-with-32-or-more-chars');

function requestWith(body: string, contentType = 'application/json'): AuthRequest {
  return {
    method: 'POST',
    path: '/',
    query: new URLSearchParams(),
    header: (name) => (name === 'content-type' ? contentType : undefined),
    readBody: async () => body,
    remoteAddress: null,
  };
}

describe('cookie parsing and signatures (property-based)', () => {
  it('never throws on any Cookie header', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (header) => {
        const cookies = parseCookies(header);
        expect(cookies).toBeInstanceOf(Map);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back any non-empty value it signed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1 }), (value) => {
        expect(signer.verify(signer.sign(value))).toBe(value);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses every tampered signed value', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (value, position, flip) => {
        const signed = Buffer.from(signer.sign(value), 'utf8');
        const index = position % signed.length;
        signed[index] ^= flip;
        const tampered = signed.toString('utf8');
        fc.pre(tampered !== signer.sign(value));
        expect(signer.verify(tampered)).not.toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws verifying arbitrary strings, and accepts none without the secret', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        const result = signer.verify(input);
        if (result !== null) expect(signer.sign(result)).toBe(input);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('JSON body parsing (property-based)', () => {
  it('answers any text with an object or an AuthError, never another exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary' }), fc.json()), async (text) => {
        try {
          const body = await readJsonBody(requestWith(text), 1024 * 1024);
          expect(typeof body).toBe('object');
          expect(Array.isArray(body)).toBe(false);
        } catch (error) {
          expect(error).toBeInstanceOf(AuthError);
          expect((error as AuthError).status).toBeGreaterThanOrEqual(400);
          expect((error as AuthError).status).toBeLessThan(500);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never lets __proto__ or constructor keys through at any depth', async () => {
    const dangerous = fc.constantFrom('__proto__', 'constructor', 'prototype');
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.oneof(dangerous, fc.string()), fc.jsonValue()), dangerous, async (object, key) => {
        const inner = JSON.stringify(object).replace(/^\{/, `{"${key}":{"polluted":true},`).replace(/,\}$/, '}');
        const text = `{"${key}":{"polluted":true},"nested":${inner}}`;
        const body = await readJsonBody(requestWith(text), 1024 * 1024);
        expect(Object.prototype.hasOwnProperty.call(body, key)).toBe(false);
        expect(Object.prototype.hasOwnProperty.call(body.nested as object, key)).toBe(false);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });
});
