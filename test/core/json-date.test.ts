import { jsonDate, serialiseDates } from '../../src/core/json-date';

describe('jsonDate', () => {
  const samples = [0, 5, 59_999, 951_782_400_000, 1_700_000_000_123, Date.UTC(999, 0, 1), Date.UTC(9999, 11, 31, 23, 59, 59, 999), -1, Date.UTC(10000, 0, 1), Date.UTC(-1, 5, 1)];

  it.each(samples)('writes %p exactly as JSON.stringify writes the Date', (time) => {
    const date = new Date(time);
    expect(JSON.stringify(jsonDate(date))).toBe(JSON.stringify(date));
  });

  it('writes an invalid date as null, as JSON.stringify does', () => {
    expect(jsonDate(new Date(Number.NaN))).toBeNull();
  });

  it('agrees with toISOString on a thousand random dates', () => {
    for (let i = 0; i < 1000; i++) {
      const date = new Date(Math.floor(Math.random() * 253_402_300_799_999));
      expect(jsonDate(date)).toBe(date.toISOString());
    }
  });
});

describe('serialiseDates', () => {
  it('leaves the JSON text of an object unchanged', () => {
    class LocalDate extends Date {
      override toJSON(): string {
        return 'local';
      }
    }
    const values = { at: new Date(1_700_000_000_000), custom: new LocalDate(0), nested: { at: new Date(0) }, none: null, n: 3 };
    const before = JSON.stringify(values);
    expect(JSON.stringify(serialiseDates({ ...values }))).toBe(before);
  });
});
