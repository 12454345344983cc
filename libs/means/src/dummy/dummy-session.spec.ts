import { describe, expect, it } from 'vitest';
import type { DummySessionState } from '../types/session.js';
import { advanceDummySession, nextDummyState } from './dummy-session.js';

describe('nextDummyState', () => {
  it('walks created → in-progress → completed → end', () => {
    const walk: (DummySessionState | undefined)[] = [];
    let state: DummySessionState | undefined = 'created';
    while (state !== undefined) {
      walk.push(state);
      state = nextDummyState(state);
    }
    expect(walk).toEqual(['created', 'in-progress', 'completed']);
  });
});

describe('advanceDummySession', () => {
  it('keeps the contract and seal while advancing, drops them when consumed, then deletes', () => {
    const contract = 'NL:BehandelaarLogin:v3 …';
    const jws = 'header..signature';
    const second = advanceDummySession({ state: 'created', contract, jws });
    expect(second).toEqual({ state: 'in-progress', contract, jws });
    const third = second && advanceDummySession(second);
    expect(third).toEqual({ state: 'completed', contract, jws });
    const consumed = third && advanceDummySession(third);
    expect(consumed).toEqual({ state: 'consumed' });
    expect(consumed && advanceDummySession(consumed)).toBeUndefined();
  });

  it('advances records without a seal (written by an older node) without inventing one', () => {
    const contract = 'NL:BehandelaarLogin:v3 …';
    const second = advanceDummySession({ state: 'created', contract });
    expect(second).toEqual({ state: 'in-progress', contract });
    expect(second !== undefined && 'jws' in second).toBe(false);
  });
});
