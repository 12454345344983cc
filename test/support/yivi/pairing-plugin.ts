import type { IStateMachine, StateChangeEvent, YiviPlugin, YiviPluginArgs, YiviPluginConstructor, YiviState } from '@privacybydesign/yivi-core';

/** What the user would type into the web page when the page asks for the pairing code. */
export type CodeSource = (event: StateChangeEvent) => Promise<string>;

/** The plugin class to `use()` plus what it observed. */
export interface PairingPlugin {
  readonly plugin: YiviPluginConstructor;
  /** Every state change of the machine, in order. */
  readonly events: readonly StateChangeEvent[];
  /** Resolves with the `occurrence`-th (1-based) entry into `state`, also if it already happened. */
  reached(state: YiviState, occurrence?: number): Promise<StateChangeEvent>;
}

interface Waiter {
  readonly state: YiviState;
  readonly occurrence: number;
  readonly resolve: (event: StateChangeEvent) => void;
}

/**
 * A headless stand-in for yivi-web: it answers `EnterPairingCode` with `codeEntered` and the code
 * from `enterCode` (the test reads it off the app, as a user reads it off the phone).
 */
export function createPairingPlugin(enterCode: CodeSource): PairingPlugin {
  const events: StateChangeEvent[] = [];
  let waiters: Waiter[] = [];

  const nth = (state: YiviState, occurrence: number): StateChangeEvent | undefined =>
    events.filter((event) => event.newState === state)[occurrence - 1];

  const record = (event: StateChangeEvent): void => {
    events.push(event);
    const due = waiters.filter((waiter) => nth(waiter.state, waiter.occurrence) !== undefined);
    waiters = waiters.filter((waiter) => !due.includes(waiter));
    for (const waiter of due) waiter.resolve(nth(waiter.state, waiter.occurrence)!);
  };

  class HeadlessPairingPlugin implements YiviPlugin {
    private readonly stateMachine: IStateMachine;

    constructor({ stateMachine }: YiviPluginArgs) {
      this.stateMachine = stateMachine;
    }

    stateChange(event: StateChangeEvent): void {
      record(event);
      if (event.newState !== 'EnterPairingCode') return;
      void enterCode(event).then((code) =>
        this.stateMachine.selectTransition(({ state, validTransitions }) =>
          // The session may have ended meanwhile; typing into a closed dialog does nothing.
          state === 'EnterPairingCode' && validTransitions.includes('codeEntered')
            ? { transition: 'codeEntered', payload: { enteredPairingCode: code } }
            : false,
        ),
      );
    }
  }

  return {
    plugin: HeadlessPairingPlugin,
    events,
    reached: (state, occurrence = 1) =>
      new Promise((resolve) => {
        const seen = nth(state, occurrence);
        if (seen !== undefined) resolve(seen);
        else waiters.push({ state, occurrence, resolve });
      }),
  };
}
