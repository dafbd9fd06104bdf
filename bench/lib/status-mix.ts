/** How a flood was answered: the share of each status the flood section reports, and the rest. */
export interface StatusMix {
  /** Requests autocannon sent that got an answer or failed (errors and timeouts included). */
  total: number;
  /** Shares of `total`, 0–1: 200 (a wrong password accepted would be a bug), 401, 429, 503. */
  ok: number;
  unauthorized: number;
  tooMany: number;
  unavailable: number;
  /** Any other status, plus socket errors and timeouts (a server too slow to answer within autocannon's timeout). */
  other: number;
}

/**
 * Reduces autocannon's `statusCodeStats` (`{ "401": { count } }`) and its error count to the shares the table
 * prints. Pure, so it is unit-tested (test/bench/status-mix.test.ts).
 */
export function statusMix(stats: Readonly<Record<string, { count: number }>>, errors: number): StatusMix {
  const count = (status: string) => stats[status]?.count ?? 0;
  const answered = Object.values(stats).reduce((sum, { count: n }) => sum + n, 0);
  const total = answered + errors;
  const share = (n: number) => (total === 0 ? 0 : n / total);
  const known = count('200') + count('401') + count('429') + count('503');
  return {
    total,
    ok: share(count('200')),
    unauthorized: share(count('401')),
    tooMany: share(count('429')),
    unavailable: share(count('503')),
    other: share(answered - known + errors),
  };
}

/** A share as the table prints it: `0%`, `<1%` for a few, else whole percents. */
export function percent(share: number): string {
  if (share === 0) return '0%';
  if (share < 0.01) return '<1%';
  return `${Math.round(share * 100)}%`;
}
