import { randomBytes } from 'node:crypto';
import type { DatabaseAdapter } from '../../../adapters/database-adapter';
import type { AuthContext } from '../../core/auth-context';
import { digestToken } from '../../crypto/session-token';
import type { AuthRequest } from '../../wire/auth-request';
import { readSignedCookie, setSignedCookie } from './cookies';
import { dropValues, peekValue, putValue, takeValue } from './verification-values';

/*
 * A trusted device holds a random token in the signed `trust_device` cookie; the verification table holds
 * `two-factor:trusted-device:<sha256>` → { userId, epoch }. Each use spends the token and hands out a new one
 * (rotation: a copied cookie works once, for whichever of the two devices is first). All of a user's devices
 * are revoked at once by dropping the user's trust epoch (`two-factor:trust-epoch:<userId>`): a device record
 * counts only while it names the current epoch, so disabling two-factor or changing the password ends every
 * device's trust with one delete, without finding the devices.
 */

interface TrustedDevice {
  userId: string;
  epoch: string;
}

const deviceId = (token: string) => `two-factor:trusted-device:${digestToken(token)}`;
const epochId = (userId: string) => `two-factor:trust-epoch:${userId}`;
// The epoch outlives any device record; it only has to exist while devices that name it do.
const EPOCH_LIFETIME_MS = 10 * 365 * 24 * 60 * 60 * 1000;

async function currentEpoch(auth: AuthContext, userId: string): Promise<string | null> {
  return (await peekValue<{ epoch: string }>(auth, epochId(userId)))?.value.epoch ?? null;
}

/** Trusts the device for `maxAgeSeconds`; returns the `Set-Cookie` that carries the trust. */
export async function trustDevice(auth: AuthContext, userId: string, maxAgeSeconds: number): Promise<string> {
  let epoch = await currentEpoch(auth, userId);
  if (!epoch) {
    epoch = randomBytes(16).toString('base64url');
    await putValue(auth, epochId(userId), { epoch }, new Date(Date.now() + EPOCH_LIFETIME_MS));
  }
  const token = randomBytes(32).toString('base64url');
  const device: TrustedDevice = { userId, epoch };
  await putValue(auth, deviceId(token), device, new Date(Date.now() + maxAgeSeconds * 1000));
  return setSignedCookie(auth, 'trust_device', token, maxAgeSeconds);
}

/**
 * Whether the request comes from a device `userId` trusted, and if so the `Set-Cookie` of its renewed trust
 * (the presented token is spent). A cookie of another user's device is left alone: that user keeps it.
 */
export async function redeemTrustedDevice(auth: AuthContext, request: AuthRequest | undefined, userId: string, maxAgeSeconds: number): Promise<string | null> {
  const token = readSignedCookie(auth, request, 'trust_device');
  if (!token) return null;
  const seen = await peekValue<TrustedDevice>(auth, deviceId(token));
  if (!seen || seen.value.userId !== userId) return null;
  const taken = await takeValue<TrustedDevice>(auth, deviceId(token));
  if (!taken || taken.value.userId !== userId) return null;
  if (taken.value.epoch !== (await currentEpoch(auth, userId))) return null;
  return trustDevice(auth, userId, maxAgeSeconds);
}

/** Ends the trust of every device of the user (two-factor disabled, password changed or reset, address claimed), in `on`'s transaction if given. */
export async function revokeTrustedDevices(auth: AuthContext, userId: string, on: DatabaseAdapter = auth.db): Promise<void> {
  await dropValues(auth, epochId(userId), on);
}

/** Whether the request carries a trust cookie of this server at all (to clear one that no longer counts). */
export function hasTrustCookie(auth: AuthContext, request: AuthRequest | undefined): boolean {
  return readSignedCookie(auth, request, 'trust_device') !== null;
}
