import { ConfigError } from '../../errors/config-error';

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
  w: 604800, week: 604800, weeks: 604800,
  y: 31557600, yr: 31557600, yrs: 31557600, year: 31557600, years: 31557600,
};

/**
 * A token lifetime in seconds, from a number of seconds or a span in better-auth's (jose's) words: `'15m'`,
 * `'2 hours'`, `'7d'`. Spans in the past (`'-5m'`, `'5m ago'`) are refused: a token born expired is a mistake.
 * @example
 * lifetimeSeconds('15m'); // 900
 */
export function lifetimeSeconds(value: string | number): number {
  if (typeof value === 'number') {
    if (!(Number.isFinite(value) && value > 0)) throw new ConfigError(`JwtPlugin: jwt.expirationTime must be a positive number of seconds (got ${value}).`);
    return Math.floor(value);
  }
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]+)(?:\s+from now)?$/i.exec(value.trim());
  const unit = match ? UNIT_SECONDS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined || !(Number(match[1]) > 0)) {
    throw new ConfigError(`JwtPlugin: jwt.expirationTime must be a span such as '15m' or '1 hour' (got '${value}').`);
  }
  return Math.round(Number(match[1]) * unit);
}
