import { loadConfig } from '#config';
import { startNode } from './start-node.js';

// `npm start`: the node on its embedded defaults, overridable by flags, NUTSHELL_ env and a config file.
await startNode(loadConfig({ argv: process.argv.slice(2) }));
