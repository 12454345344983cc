import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { NutshellError } from '#errors';

/**
 * Writes `data` to `path` so that a crash leaves either the old or the new content, never a torn file:
 * write a temp file in the same directory, fsync it, rename it over the target, fsync the directory.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  const { dir, temp } = await writeSyncedTemp(path, data, mode);
  try {
    await rename(temp, path);
  } catch (cause) {
    await unlink(temp).catch(() => undefined);
    throw cause;
  }
  await syncDirectory(dir);
}

/**
 * Like `writeFileAtomic`, but only creates: a hard link from the finished temp file fails with EEXIST when
 * `path` exists, even when another process races us, so an existing file (a private key) is never replaced.
 * Returns false when the file already existed.
 */
export async function createFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): Promise<boolean> {
  const { dir, temp } = await writeSyncedTemp(path, data, mode);
  try {
    await link(temp, path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw cause;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  await syncDirectory(dir);
  return true;
}

/** Writes and fsyncs a uniquely named temp file next to `path`. */
async function writeSyncedTemp(path: string, data: string | Uint8Array, mode: number): Promise<{ dir: string; temp: string }> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { dir, temp };
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable; some platforms refuse fsync on a directory, which is harmless here.
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    /* not supported on this platform */
  } finally {
    await handle.close();
  }
}

/** Reads and parses a JSON file; undefined when it does not exist, STORE_UNAVAILABLE when it is not JSON. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new NutshellError('STORE_UNAVAILABLE', `cannot read ${basename(path)}`, { cause });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new NutshellError('STORE_UNAVAILABLE', `${basename(path)} is not valid JSON`, { cause });
  }
}
