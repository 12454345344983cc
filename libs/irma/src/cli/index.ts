export { runIrmaVerify, EXIT, type CliIo } from './verify.js';
