import { parentPort } from 'node:worker_threads';
import type { VerifyRequest } from './messages.js';
import { runVerifyTask } from './verify-task.js';

// Entry point of a ProofVerifierPool worker thread.
if (parentPort) {
  const port = parentPort;
  port.on('message', (msg: VerifyRequest) => {
    port.postMessage(runVerifyTask(msg.id, msg.args));
  });
}
