import type * as SimpleWebAuthnServer from '@simplewebauthn/server';

export type WebAuthnLibrary = typeof SimpleWebAuthnServer;

let loading: Promise<WebAuthnLibrary> | undefined;

/**
 * @simplewebauthn/server, loaded on the first ceremony. It brings an X.509 and ASN.1 stack (some 300 ms of
 * start-up on a small machine), which an app that mounts the plugins but has no passkey ceremony yet, or a
 * process that only imports the plugins' barrel, should not pay for.
 */
export function webAuthnLibrary(): Promise<WebAuthnLibrary> {
  loading ??= import('@simplewebauthn/server');
  return loading;
}
