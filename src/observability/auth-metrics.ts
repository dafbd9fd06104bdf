import type { OtelCounter, OtelHistogram, OtelMeter } from './otel-api';

/**
 * Every instrument the engine records, created once per meter provider. Names and units follow the
 * OpenTelemetry semantic conventions where one exists (`http.server.request.duration`); the rest live under
 * `auth.*` and are listed in the README's "Observability" section. Attribute values are route templates,
 * method names, outcomes and error codes: never a value a user typed.
 */
export interface AuthInstruments {
  /** semconv: seconds per auth request, by `http.request.method`, `http.route`, `http.response.status_code`, `error.type`. */
  readonly requestDuration: OtelHistogram;
  /** Sign-in attempts by `auth.method` and `auth.outcome` (`success`, `two_factor`, `refused`, `failure`) and `auth.error.code`. */
  readonly signInAttempts: OtelCounter;
  /** Accounts created, by `auth.method` (`email`, `social`, …). */
  readonly signUps: OtelCounter;
  /** Session lookups by `auth.session.source` (`cache`, `database`) and `auth.outcome` (`found`, `not_found`, `revoked`). */
  readonly sessionLookups: OtelCounter;
  /** Requests the rate limiter refused, by `auth.rate_limit.rule` (the route template). */
  readonly rateLimitRefusals: OtelCounter;
  /** Hashes waiting for a turn right now. */
  readonly hashQueueDepth: OtelCounter;
  /** Seconds a hash waited for a turn, by `auth.password.operation` (`hash`, `verify`). */
  readonly hashQueueWait: OtelHistogram;
  /** Seconds a hash took once running, by `auth.password.operation`. */
  readonly hashDuration: OtelHistogram;
  /** Wrong second-factor codes, by `auth.error.code`. */
  readonly twoFactorFailures: OtelCounter;
  /** Emailed tokens and codes refused, by `auth.code.purpose` and `auth.error.code` (`INVALID_TOKEN`, `TOKEN_EXPIRED`). */
  readonly codeFailures: OtelCounter;
}

// Short operations: most auth requests end in milliseconds, a password hash in tens of them.
const SECONDS_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 10];

/** The instruments on one meter (`better-auth-entities`). */
export function createAuthInstruments(meter: OtelMeter): AuthInstruments {
  const seconds = (name: string, description: string) => meter.createHistogram(name, { unit: 's', description, advice: { explicitBucketBoundaries: SECONDS_BUCKETS } });
  return {
    requestDuration: seconds('http.server.request.duration', 'Duration of auth HTTP requests.'),
    signInAttempts: meter.createCounter('auth.sign_in.attempts', { unit: '{attempt}', description: 'Sign-in attempts by method and outcome.' }),
    signUps: meter.createCounter('auth.sign_up.count', { unit: '{user}', description: 'Accounts created, by method.' }),
    sessionLookups: meter.createCounter('auth.session.lookups', { unit: '{lookup}', description: 'Session lookups by source and outcome.' }),
    rateLimitRefusals: meter.createCounter('auth.rate_limit.refusals', { unit: '{request}', description: 'Requests refused by the rate limiter, by rule.' }),
    hashQueueDepth: meter.createUpDownCounter('auth.password.queue.depth', { unit: '{hash}', description: 'Password hashes waiting for a turn.' }),
    hashQueueWait: seconds('auth.password.queue.wait', 'Time a password hash waited for a turn.'),
    hashDuration: seconds('auth.password.hash.duration', 'Time a password hash took once running.'),
    twoFactorFailures: meter.createCounter('auth.two_factor.failures', { unit: '{failure}', description: 'Wrong second-factor codes.' }),
    codeFailures: meter.createCounter('auth.code.failures', { unit: '{failure}', description: 'Emailed tokens and codes refused, by purpose.' }),
  };
}
