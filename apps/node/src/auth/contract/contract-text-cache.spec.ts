import { describe, expect, it } from 'vitest';
import { drawUpContract, findTemplate } from '#contract';
import { ContractTextCache } from './contract-text-cache.js';

const template = findTemplate('EN', 'PractitionerLogin', 'v3')!;
const input = (validFrom: string, legalEntity = 'Acme') => ({ template, legalEntity, legalEntityCity: 'Gotham', validFrom: new Date(validFrom), validDuration: '1h' });

describe('ContractTextCache', () => {
  it('gives the text drawUpContract gives, for any millisecond within a second', () => {
    const cache = new ContractTextCache();
    for (const at of ['2024-03-31T00:59:59.000Z', '2024-03-31T00:59:59.999Z', '2024-03-31T01:00:00.001Z', '1969-12-31T23:59:59.500Z']) {
      expect(cache.drawUp(input(at)).text).toBe(drawUpContract(input(at)).text);
      const fractional = { ...input(at), validDuration: '1.5s' };
      expect(cache.drawUp(fractional).text).toBe(drawUpContract(fractional).text);
    }
  });

  it('keeps organizations, seconds and durations apart and stays bounded', () => {
    const cache = new ContractTextCache(2);
    const a = cache.drawUp(input('2024-01-01T10:00:00Z', 'Acme')).text;
    const b = cache.drawUp(input('2024-01-01T10:00:00Z', 'Other')).text;
    const c = cache.drawUp(input('2024-01-01T10:00:01Z', 'Acme')).text;
    const d = cache.drawUp({ ...input('2024-01-01T10:00:00Z', 'Acme'), validDuration: '2h' }).text;
    expect(new Set([a, b, c, d]).size).toBe(4);
    expect(cache.drawUp(input('2024-01-01T10:00:00.700Z', 'Acme')).text).toBe(a);
  });
});
