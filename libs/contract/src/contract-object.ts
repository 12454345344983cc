import type { DateTime } from 'luxon';
import { amsterdamDateTime } from './dates.js';
import type { Contract, ContractParams, ContractTemplate } from './types.js';

type DateKey = 'validFrom' | 'validTo';

// Building a luxon DateTime costs more than drawing up the whole contract, and most callers never look at it, so
// the dates are own enumerable getters that build it on first read (JSON and spreads still see them) and then
// keep it as a plain data property.
function defineLazyDate(target: Record<DateKey, unknown>, key: DateKey, millis: number): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get(): DateTime {
      const value = amsterdamDateTime(millis);
      Object.defineProperty(target, key, { value, enumerable: true, configurable: false, writable: false });
      return value;
    },
  });
}

/** A `Contract` whose `validFrom` / `validTo` (present only when given) are created when first read. */
export function createContract(
  template: ContractTemplate,
  params: ContractParams,
  text: string,
  validFromMillis: number | undefined,
  validToMillis: number | undefined,
): Contract {
  const contract = { template, params, text } as Contract & Record<DateKey, unknown>;
  if (validFromMillis !== undefined) defineLazyDate(contract, 'validFrom', validFromMillis);
  if (validToMillis !== undefined) defineLazyDate(contract, 'validTo', validToMillis);
  return contract;
}
