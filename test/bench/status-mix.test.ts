import { percent, statusMix } from '../../bench/lib/status-mix';

describe('bench status mix', () => {
  it('gives each status its share of everything sent, errors counted as other', () => {
    const mix = statusMix({ '401': { count: 30 }, '429': { count: 50 }, '503': { count: 10 }, '500': { count: 5 } }, 5);
    expect(mix).toEqual({ total: 100, ok: 0, unauthorized: 0.3, tooMany: 0.5, unavailable: 0.1, other: 0.1 });
  });

  it('answers zero shares for a flood that sent nothing', () => {
    expect(statusMix({}, 0)).toEqual({ total: 0, ok: 0, unauthorized: 0, tooMany: 0, unavailable: 0, other: 0 });
  });

  it('prints shares as whole percents, and a few as <1%', () => {
    expect([percent(0), percent(0.004), percent(0.255), percent(1)]).toEqual(['0%', '<1%', '26%', '100%']);
  });
});
