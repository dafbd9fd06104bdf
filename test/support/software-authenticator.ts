import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

/*
 * A test fixture, not library code: a FIDO2 authenticator in software, so the server's WebAuthn checks run
 * against real signatures without a browser. It answers the options the server generated the way a browser
 * plus a platform authenticator would (ES256 keys, "none" attestation), and lets a test bend any part of the
 * answer (origin, rp id, counter, user verification) to prove the server refuses it.
 */

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const FLAG_ATTESTED_CREDENTIAL = 0x40;

interface StoredCredential {
  readonly id: Buffer;
  readonly privateKey: KeyObject;
  readonly userHandle: string;
  counter: number;
}

/** What a ceremony may bend, to make a response the server must refuse. */
export interface CeremonyTweaks {
  origin?: string;
  rpId?: string;
  userVerified?: boolean;
  /** The counter to sign (default: one more than the last). */
  counter?: number;
  credentialId?: string;
}

export class SoftwareAuthenticator {
  readonly credentials: StoredCredential[] = [];

  constructor(
    private readonly origin: string,
    private readonly rpId: string,
  ) {}

  /** Answers `generate-register-options` as `navigator.credentials.create` would. */
  register(options: { challenge: string; user: { id: string } }, tweaks: CeremonyTweaks = {}) {
    const id = randomBytes(16);
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const cosePublicKey = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
    const credential: StoredCredential = { id, privateKey, userHandle: options.user.id, counter: tweaks.counter ?? 0 };
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(id.length);
    const authenticatorData = Buffer.concat([
      this.header(tweaks, FLAG_ATTESTED_CREDENTIAL, credential.counter),
      Buffer.alloc(16), // aaguid: none, as privacy-preserving platforms report
      idLength,
      id,
      Buffer.from(cosePublicKey),
    ]);
    const attestationObject = isoCBOR.encode(new Map<string, unknown>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authenticatorData]]) as never);
    this.credentials.push(credential);
    return {
      id: b64url(id),
      rawId: b64url(id),
      type: 'public-key',
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON: this.clientData('webauthn.create', options.challenge, tweaks),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
    };
  }

  /** Answers `generate-authenticate-options` as `navigator.credentials.get` would, with the last (or named) credential. */
  authenticate(options: { challenge: string }, tweaks: CeremonyTweaks = {}) {
    // A credential id the authenticator does not hold is presented with the last key's signature (an unknown credential).
    const credential = this.credentials.find((c) => b64url(c.id) === tweaks.credentialId) ?? this.credentials.at(-1);
    if (!credential) throw new Error('SoftwareAuthenticator: no credential to sign with');
    credential.counter = tweaks.counter ?? credential.counter + 1;
    const authenticatorData = this.header(tweaks, 0, credential.counter);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, tweaks);
    const signature = sign('sha256', Buffer.concat([authenticatorData, sha256(Buffer.from(clientDataJSON, 'base64url'))]), credential.privateKey);
    return {
      id: tweaks.credentialId ?? b64url(credential.id),
      rawId: tweaks.credentialId ?? b64url(credential.id),
      type: 'public-key',
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON,
        authenticatorData: b64url(authenticatorData),
        signature: b64url(signature),
        userHandle: credential.userHandle,
      },
    };
  }

  private header(tweaks: CeremonyTweaks, extraFlags: number, counter: number): Buffer {
    const counterBytes = Buffer.alloc(4);
    counterBytes.writeUInt32BE(counter);
    const flags = FLAG_USER_PRESENT | (tweaks.userVerified === false ? 0 : FLAG_USER_VERIFIED) | extraFlags;
    return Buffer.concat([sha256(tweaks.rpId ?? this.rpId), Buffer.from([flags]), counterBytes]);
  }

  private clientData(type: string, challenge: string, tweaks: CeremonyTweaks): string {
    return b64url(Buffer.from(JSON.stringify({ type, challenge, origin: tweaks.origin ?? this.origin, crossOrigin: false })));
  }
}
