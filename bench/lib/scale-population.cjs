'use strict';
/**
 * The synthetic population of the scale bench, shared by both scale servers and the driver (plain CommonJS,
 * like protocol.cjs, so the ESM Better Auth server loads the same copy).
 *
 * User `i` has one session whose raw token is derived from `i`, so the driver can rebuild any user's cookie
 * without the servers sending a million tokens over a pipe.
 */
const { createHash } = require('node:crypto');

/** A raw session token of the real shape (43 base64url characters, 256 bits). */
function scaleToken(i) {
  return createHash('sha256').update(`scale-session-${i}`).digest('base64url');
}

const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

/**
 * A fresh copy of a string: in a real server every session's user agent and address arrive in their own
 * request, so they are separate strings; literals would be shared and make the heap look smaller than it is.
 */
function ownCopy(text) {
  return Buffer.from(text, 'latin1').toString('latin1');
}

/** What each user and session is made of (the same for both libraries). */
function userFields(i) {
  return { email: `user-${i}@example.com`, name: `User ${i}`, emailVerified: false, image: null };
}
function sessionFields(i, now) {
  return {
    ipAddress: ownCopy(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`),
    userAgent: ownCopy(USER_AGENT),
    expiresAt: new Date(now + 7 * 24 * 3600 * 1000),
    createdAt: new Date(now),
    updatedAt: new Date(now),
  };
}

/** Heap in use after a full collection (the servers run with --expose-gc). */
function settledHeap() {
  global.gc();
  global.gc();
  return process.memoryUsage().heapUsed;
}

module.exports = { scaleToken, userFields, sessionFields, settledHeap };
