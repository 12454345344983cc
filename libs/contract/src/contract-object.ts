import type { DateTime } from 'luxon';
import { amsterdamDateTime } from './dates.js';
import type { Contract, ContractParams, ContractTemplate } from './types.js';

/**
 * A `Contract` whose `validFrom` / `validTo` (present only when given) are luxon DateTimes created on first read.
 * Building one costs more than drawing up the whole contract and most callers never look at them, so they are own
 * enumerable getters (JSON, spreads and equality checks still see them), each creating its DateTime once.
 */
export function createContract(
  template: ContractTemplate,
  params: ContractParams,
  text: string,
  validFromMillis: number | undefined,
  validToMillis: number | undefined,
): Contract {
  // Object literals with accessors keep a fast object shape; Object.defineProperty on a fresh object does not.
  let from: DateTime | undefined;
  let to: DateTime | undefined;
  if (validFromMillis !== undefined && validToMillis !== undefined) {
    return {
      template,
      params,
      text,
      get validFrom(): DateTime {
        return (from ??= amsterdamDateTime(validFromMillis));
      },
      get validTo(): DateTime {
        return (to ??= amsterdamDateTime(validToMillis));
      },
    };
  }
  if (validFromMillis !== undefined) {
    return {
      template,
      params,
      text,
      get validFrom(): DateTime {
        return (from ??= amsterdamDateTime(validFromMillis));
      },
    };
  }
  if (validToMillis !== undefined) {
    return {
      template,
      params,
      text,
      get validTo(): DateTime {
        return (to ??= amsterdamDateTime(validToMillis));
      },
    };
  }
  return { template, params, text };
}
