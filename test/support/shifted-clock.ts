import type { TOTP } from 'otpauth';

/** `Date.now` as the server sees it: real time plus `shiftMs`. */
export interface ShiftedClock {
  shiftMs: number;
  /**
   * The authenticator's code for the next time step: the clock moves on one period first, since a TOTP code is
   * single use per step and the server's replay guard would refuse a second code of the same step.
   */
  nextCode(totp: TOTP): string;
}

/** Call at a test file's top level: `Date.now` is shifted for the file's tests, and restored after them. */
export function useShiftedClock(): ShiftedClock {
  const realNow = Date.now.bind(Date);
  const clock: ShiftedClock = {
    shiftMs: 0,
    nextCode(totp) {
      clock.shiftMs += totp.period * 1000;
      return totp.generate({ timestamp: Date.now() });
    },
  };
  let spy: jest.SpyInstance | undefined;
  beforeAll(() => {
    spy = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + clock.shiftMs);
  });
  afterAll(() => spy?.mockRestore());
  return clock;
}
