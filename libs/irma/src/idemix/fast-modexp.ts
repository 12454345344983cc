import { referenceEngine, type ExpEngine } from './exp-engine.js';

/** The engine verification uses unless told otherwise. */
export const defaultEngine: ExpEngine = referenceEngine;
