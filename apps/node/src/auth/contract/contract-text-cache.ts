import { type Contract, type ContractTemplate, drawUpContract, parseGoDuration } from '#contract';

/** What a drawn-up text depends on; the text changes only when one of these does. */
export interface ContractTextInput {
  readonly template: ContractTemplate;
  readonly legalEntity: string;
  readonly legalEntityCity: string;
  readonly validFrom: Date;
  readonly validDuration: string;
}

/**
 * Memoises `drawUpContract`, which is pure in its inputs and renders dates at whole seconds, so every drawup of one
 * organization within the same second (and a duration of whole seconds) yields the same text. Bounded: cleared when full (entries go stale within a
 * second anyway).
 */
export class ContractTextCache {
  private readonly entries = new Map<string, Contract>();

  constructor(private readonly maxEntries = 256) {}

  /** The contract for `input`, drawn up once per distinct input and second. */
  drawUp(input: ContractTextInput): Contract {
    // With a sub-second duration the end second depends on the milliseconds of validFrom: do not share those.
    const duration = parseGoDuration(input.validDuration);
    if (!duration.ok || duration.nanoseconds % 1_000_000_000n !== 0n) return drawUpContract(input);
    const { template } = input;
    const second = Math.floor(input.validFrom.getTime() / 1000);
    const key = JSON.stringify([template.language, template.type, template.version, input.legalEntity, input.legalEntityCity, second, input.validDuration]);
    let contract = this.entries.get(key);
    if (contract === undefined) {
      contract = drawUpContract({ ...input, validFrom: new Date(second * 1000) });
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, contract);
    }
    return contract;
  }
}
