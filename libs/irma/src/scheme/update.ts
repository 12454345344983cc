import { readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readSchemeDirectory, type LoadedScheme } from './read-scheme.js';
import { fetchDemoPrivateKeys, fetchRemoteState, syncIndexedFiles } from './remote.js';
import { copyTree, isSignablePath, listFiles, makeTempSchemeDir, swapSchemeDir } from './tree.js';
import type { SchemeLogger } from './types.js';

/** Options of `updateScheme`. */
export interface UpdateSchemeOptions {
  schemesPath: string;
  timeoutMs: number;
  logger: SchemeLogger;
}

/** What `updateScheme` did. */
export type UpdateOutcome =
  | { kind: 'up-to-date'; remoteTimestamp: number }
  | { kind: 'updated'; scheme: LoadedScheme; changedFiles: string[] };

/**
 * irmago UpdateScheme: compare the remote timestamp with the local one and, only when the remote is newer, build the
 * new version in a `.tempscheme*` copy (new index + signature, changed files hash-checked), parse the copy as a
 * whole, then swap it into place. Any error leaves the installed scheme untouched.
 */
export async function updateScheme(current: LoadedScheme, options: UpdateSchemeOptions): Promise<UpdateOutcome> {
  const id = current.manager.id;
  const pk = await readFile(join(current.dir, 'pk.pem'));
  const remote = await fetchRemoteState(current.manager.url, id, pk, options.timeoutMs);
  if (remote.timestamp <= current.manager.timestamp) {
    if (remote.timestamp < current.manager.timestamp) options.logger.info(`scheme ${id}: local copy is newer than the remote, not updating`);
    return { kind: 'up-to-date', remoteTimestamp: remote.timestamp };
  }
  const parent = dirname(current.dir);
  const temp = await makeTempSchemeDir(parent);
  try {
    const dir = join(temp, id);
    await copyTree(current.dir, dir);
    await writeFile(join(dir, 'index'), remote.indexBytes);
    await writeFile(join(dir, 'index.sig'), remote.signature);
    const changedFiles = await syncIndexedFiles(current.manager.url, id, remote.index, dir, options.timeoutMs, current.index);
    // Files the new index no longer lists were removed upstream; a stale description would otherwise be refused.
    for (const rel of await listFiles(dir)) {
      if (isSignablePath(rel) && !remote.index.has(`${id}/${rel}`)) {
        await unlink(join(dir, rel));
        changedFiles.push(`${id}/${rel}`);
        const orphan = /^(.+)\/PublicKeys\/(\d+\.xml)$/.exec(rel);
        if (orphan !== null) await rm(join(dir, orphan[1]!, 'PrivateKeys', orphan[2]!), { force: true });
      }
    }
    changedFiles.sort();
    if (current.manager.demo) await fetchDemoPrivateKeys(current.manager.url, id, dir, options.timeoutMs, options.logger);
    const checked = await readSchemeDirectory(dir);
    await swapSchemeDir(parent, current.dir, dir);
    options.logger.info(`scheme ${id}: updated from ${current.manager.timestamp} to ${checked.manager.timestamp} (${changedFiles.length} files)`);
    return { kind: 'updated', scheme: { ...checked, dir: current.dir }, changedFiles };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
