import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import {
  DocumentStorage,
  type DocumentStorageOptions,
  type JsonStore,
} from '../../../electron/storage/documentStorage';

/** Real storage code on conf (electron-store's engine) in a fresh temp folder. */
export function tempStorage(options: Partial<DocumentStorageOptions> = {}): {
  root: string;
  open: () => DocumentStorage;
} {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-studio-'));
  const open = () =>
    new DocumentStorage({
      root,
      openStore: (name) =>
        new Conf({ cwd: root, configName: name, clearInvalidConfig: false, watch: false }) as unknown as JsonStore,
      ...options,
    });
  return { root, open };
}
