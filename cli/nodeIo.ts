/** The CLI's real files and streams, with the size and encoding checks every input gets. */
import fs from 'node:fs';
import { MAX_IMPORT_BYTES } from '../shared/api';
import { InputError, type CliIo } from './main';

/** Larger inputs are refused before reading, so memory stays bounded. */
const MAX_INPUT_BYTES = MAX_IMPORT_BYTES;

async function readFile(path: string): Promise<string> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? String(error)})`,
    );
  }
  if (stat.isDirectory()) throw new InputError(`${path} is a folder, not a file`);
  if (stat.size > MAX_INPUT_BYTES) {
    throw new InputError(
      `${path} is ${(stat.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1024 / 1024} MB`,
    );
  }
  return decode(await fs.promises.readFile(path), path);
}

function decode(bytes: Uint8Array, name: string): string {
  if (bytes.includes(0)) throw new InputError(`${name} looks like a binary file, not text`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${name} is not UTF-8 text`);
  }
}

async function listFolder(path: string): Promise<string[] | null> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(path, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Not a folder (or not there): the caller reads it as a file and says what is wrong.
    if (code === 'ENOTDIR' || code === 'ENOENT') return null;
    throw new InputError(`${path}: cannot read the folder (${code ?? String(error)})`);
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.isFile()) files.push(entry.name);
    else if (entry.isSymbolicLink()) {
      // A link counts as the file it points to; a broken link is left out.
      const target = await fs.promises.stat(`${path}/${entry.name}`).catch(() => null);
      if (target?.isFile()) files.push(entry.name);
    }
  }
  return files;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_INPUT_BYTES)
      throw new InputError(`standard input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
    chunks.push(chunk as Buffer);
  }
  return decode(Buffer.concat(chunks), 'standard input');
}

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile,
  listFolder,
  readStdin,
  writeFile: async (path, content) => {
    try {
      await fs.promises.writeFile(path, content, 'utf8');
    } catch (error) {
      throw new InputError(`cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  },
  now: () => new Date(),
};
