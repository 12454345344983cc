export type { NodeConfig, MeansName } from './node-config.js';
export { loadConfig, redactUrl, type LoadConfigInput } from './load-config.js';
export { options, envName, flagName, type OptionSpec } from './options.js';

/** Nest injection token of the node's `NodeConfig`. */
export const NODE_CONFIG = Symbol.for('nutshell.NodeConfig');
