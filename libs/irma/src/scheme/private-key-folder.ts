import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NutshellError } from '#errors';
import { keyCounter } from './read-scheme.js';

/** One issuer private key found in a `privkeys` folder. */
export interface FolderPrivateKey {
  /** Full issuer id, e.g. `irma-demo.MijnOverheid`. */
  issuerId: string;
  counter: number;
  xml: string;
  /** File name inside the folder, for messages. */
  file: string;
}

/** irmago's PrivateKeyRingFolder naming: `scheme.issuer.xml` or `scheme.issuer.<counter>.xml`. */
const FILE_NAME = /^([^.]+\.[^.]+)(?:\.(\d+))?\.xml$/;

/**
 * Reads every private key of an irma server `privkeys` folder. The counter comes from the file name when present
 * (and must then equal `<Counter>`), otherwise from the file. Other file names are skipped and reported.
 */
export async function readPrivateKeyFolder(path: string): Promise<{ keys: FolderPrivateKey[]; skipped: string[] }> {
  let names: string[];
  try {
    names = (await readdir(path, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  } catch (cause) {
    throw new NutshellError('CONFIG_INVALID', `private keys folder ${path} cannot be read`, { cause });
  }
  const keys: FolderPrivateKey[] = [];
  const skipped: string[] = [];
  for (const file of names) {
    const m = FILE_NAME.exec(file);
    if (m === null) {
      skipped.push(file);
      continue;
    }
    const xml = await readFile(join(path, file), 'utf8');
    const counter = keyCounter(xml, file, 'IssuerPrivateKey');
    if (m[2] !== undefined && Number(m[2]) !== counter) {
      throw new NutshellError('SCHEME_INVALID', `${file}: counter in the file name differs from <Counter> ${counter}`);
    }
    keys.push({ issuerId: m[1]!, counter, xml, file });
  }
  return { keys, skipped };
}
