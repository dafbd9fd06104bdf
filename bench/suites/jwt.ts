import { isSkipped, startServer, type RunningServer } from '../lib/child-server';
import { measure, type LoadResult } from '../lib/load';
import type { BenchOptions } from '../lib/options';
import { gain, type Table } from '../lib/table';

type Jose = typeof import('jose');

/** Verifications per second and the mean time of one, in the verifier's own process. */
export interface VerifyResult {
  perSecond: number;
  micros: number;
}

export interface JwtSide {
  token: LoadResult | string;
  getSession: LoadResult | string;
  verify: VerifyResult | string;
}

export interface JwtResult {
  ours: JwtSide;
  theirs: JwtSide;
}

const SERVERS = { ours: 'bench/servers/jwt-ours.ts', theirs: 'bench/servers/jwt-better-auth.mjs' } as const;

/**
 * The JWT plugins side by side on the memory adapter (each its own default key, Ed25519): `GET /token` and
 * get-session (which also signs `set-auth-jwt`) under autocannon, then a service verifying a token it got with
 * nothing but the key set: jose's `createRemoteJWKSet` on `/jwks` (fetched once, then cached), `jwtVerify` in a
 * loop for the run's duration, here in the driver, as a service would.
 */
export async function runJwt(options: BenchOptions): Promise<JwtResult> {
  return { ours: await runSide('ours', options), theirs: await runSide('theirs', options) };
}

async function runSide(side: keyof typeof SERVERS, options: BenchOptions): Promise<JwtSide> {
  console.log(`  … jwt: ${side === 'ours' ? 'ours' : 'better-auth'}`);
  const server = await startServer({ file: SERVERS[side], args: [], startTimeoutMs: 120_000 });
  if (isSkipped(server)) return { token: server.skipped, getSession: server.skipped, verify: server.skipped };
  try {
    const load = { connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds };
    const request = { method: 'GET' as const, headers: { cookie: server.info.cookie! } };
    const token = await measure(server.url('/api/auth/token'), request, load);
    const getSession = await measure(server.url('/api/auth/get-session'), request, load);
    return { token, getSession, verify: await verifyLoop(server, options.durationSeconds) };
  } finally {
    await server.stop();
  }
}

async function verifyLoop(server: RunningServer, seconds: number): Promise<VerifyResult | string> {
  const { createRemoteJWKSet, jwtVerify } = (await import('jose')) as Jose;
  const answer = await fetch(server.url('/api/auth/token'), { headers: { cookie: server.info.cookie! } });
  if (!answer.ok) return `GET /token answered ${answer.status}`;
  const { token } = (await answer.json()) as { token: string };
  const keys = createRemoteJWKSet(new URL(server.url('/api/auth/jwks')));
  await jwtVerify(token, keys); // the one fetch of /jwks, outside the measured window
  let count = 0;
  const started = process.hrtime.bigint();
  const until = started + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < until) {
    for (let i = 0; i < 100; i++) await jwtVerify(token, keys);
    count += 100;
  }
  const elapsedMicros = Number(process.hrtime.bigint() - started) / 1000;
  return { perSecond: (count / elapsedMicros) * 1e6, micros: elapsedMicros / count };
}

/** One row per scenario: ours and better-auth's figures and our gain. */
export function jwtTable(result: JwtResult): Table {
  const load = (label: string, pick: (side: JwtSide) => LoadResult | string): string[] => {
    const [ours, theirs] = [pick(result.ours), pick(result.theirs)];
    const cell = (value: LoadResult | string) => (typeof value === 'string' ? `skipped: ${value}` : `${Math.round(value.rps).toLocaleString('en-US')} req/s, p99 ${value.p99} ms`);
    const better = typeof ours === 'string' || typeof theirs === 'string' ? '' : (gain(ours.rps, theirs.rps, 'higher') ?? '');
    return [label, cell(ours), cell(theirs), better];
  };
  const verify = (side: JwtSide) => side.verify;
  const [ours, theirs] = [verify(result.ours), verify(result.theirs)];
  const cell = (value: VerifyResult | string) => (typeof value === 'string' ? `skipped: ${value}` : `${Math.round(value.perSecond).toLocaleString('en-US')}/s, ${value.micros.toFixed(1)} µs each`);
  const verifyGain = typeof ours === 'string' || typeof theirs === 'string' ? '' : (gain(ours.perSecond, theirs.perSecond, 'higher') ?? '');
  return {
    title: 'JWT plugin, memory adapter, Ed25519',
    headers: ['scenario', 'ours', 'better-auth', 'gain'],
    rows: [
      load('GET /token', (side) => side.token),
      load('get-session (+ set-auth-jwt)', (side) => side.getSession),
      ['verify a JWT from the JWKS (jose, in the verifier)', cell(ours), cell(theirs), verifyGain],
    ],
    notes: ['`npm run bench -- --only jwt`; the verify row runs in the driver: createRemoteJWKSet on /jwks (one fetch), then jwtVerify in a loop.'],
  };
}
