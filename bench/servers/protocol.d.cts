import type { IncomingMessage, Server, ServerResponse } from 'node:http';

type Listener = (request: IncomingMessage, response: ServerResponse) => unknown;

export declare const BENCH_SECRET: string;
export declare const BENCH_ORIGIN: string;
export declare const BENCH_EMAIL: string;
export declare const BENCH_PASSWORD: string;
export declare const LOOP_PATH: string;
export declare const CPU_PATH: string;
/** Better Auth's options in every bench server but the database. */
export declare const BETTER_AUTH_OPTIONS: Readonly<Record<string, unknown>>;
/** Prints `READY {"port":…, …extra}` for the driver. */
export declare function announceReady(server: Server, extra?: Record<string, unknown>): void;
/**
 * The listener, plus `GET /__bench/loop` → `{ p50, p99, max }` event-loop delay in ms since the last call,
 * and `GET /__bench/cpu` → `{ micros }` CPU time used so far.
 */
export declare function withLoopProbe(listener: Listener): Listener;
/** `BENCH_SKIP_SIGN_UP`, `BENCH_REDIS_PREFIX` (or the default given), `BENCH_RATE_LIMIT=on`. */
export declare function benchEnvironment(defaultRedisPrefix: string): { skipSignUp: boolean; redisPrefix: string; rateLimit: boolean };
