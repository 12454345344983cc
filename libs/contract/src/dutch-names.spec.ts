import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translateDutchNames, translateDutchNamesByRuns } from './dutch-names.js';

describe('translateDutchNames', () => {
  it('translates whole Dutch names in a value shaped like the layout', () => {
    expect(translateDutchNames('woensdag, 1 januari 2020 02:01:01')).toBe('Wednesday, 1 January 2020 02:01:01');
    expect(translateDutchNames('WOENSDAG, 1 Augustus 2020 02:01:01')).toBe('Wednesday, 1 August 2020 02:01:01');
    expect(translateDutchNames('woensdag, 1 januari 2020 02:01:01 CET')).toBe('woensdag, 1 januari 2020 02:01:01 CET');
    expect(translateDutchNames('woensdag, 1 augustusx 2020 02:01:01')).toBe('Wednesday, 1 augustusx 2020 02:01:01');
  });

  it('gives the same result on the ASCII path as on the general path, for random ASCII values', () => {
    const fragment = fc.oneof(
      fc.constantFrom('woensdag', 'ZONDAG', 'Monday', 'januari', 'MEI', 'oktober', 'May', 'x', ', ', ' ', ':', '.', ',', '\t', '\u0000', '-'),
      fc.integer({ min: 0, max: 3000 }).map(String),
      fc.string({ unit: 'binary-ascii', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 16 }), (parts) => {
        const value = parts.join('');
        expect(translateDutchNames(value)).toBe(translateDutchNamesByRuns(value));
      }),
      { numRuns: 10_000 },
    );
    const shaped = fc
      .tuple(fc.constantFrom('woensdag', 'Vrijdag', 'x'), fc.integer({ min: 0, max: 40 }), fc.constantFrom('januari', 'DECEMBER', 'mei', 'y'))
      .map(([day, n, month]) => `${day}, ${n} ${month} 2024 12:00:00`);
    fc.assert(
      fc.property(shaped, (value) => {
        expect(translateDutchNames(value)).toBe(translateDutchNamesByRuns(value));
      }),
    );
  });
});
