import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registerDocumentHandlers } from '../../../electron/ipc/documents';
import { registerFileHandlers } from '../../../electron/ipc/files';
import { registerMeetingHandlers } from '../../../electron/ipc/meeting';
import { registerWorkspaceHandlers } from '../../../electron/ipc/workspace';
import type { InvokeEventLike, IpcMainLike } from '../../../electron/ipc/handle';
import { createTrustedSenderCheck } from '../../../electron/security';
import { ipcRequestSchemas } from '../../../shared/ipc';
import { fullPostmortem } from '../../fixtures/documents';
import { recordReliability } from '../../reliability';
import { tempStorage } from './storageHarness';

const APP = 'file:///opt/postmortem-studio/out/renderer/';
const ours: InvokeEventLike = { senderFrame: { url: `${APP}index.html` } };

/** Every file under the data folder with its bytes, to prove a refused call changed nothing. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of fs.readdirSync(root, { recursive: true }).map(String)) {
    const file = `${root}/${name}`;
    if (fs.statSync(file).isFile()) files.set(name, fs.readFileSync(file, 'base64'));
  }
  return files;
}

describe('every IPC channel, called with payloads the page should never send', () => {
  it('refuses anything its schema does not accept, with a sentence, and leaves the disk as it was', async () => {
    const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
    const { root, open } = tempStorage();
    const dialogsUsed: string[] = [];
    registerDocumentHandlers(ipcMain, open(), createTrustedSenderCheck(APP));
    registerFileHandlers(
      ipcMain,
      {
        chooseSavePath: async (name) => (dialogsUsed.push(name), null),
        chooseOpenPath: async (kind) => (dialogsUsed.push(kind), null),
      },
      createTrustedSenderCheck(APP),
    );
    const relayed: unknown[] = [];
    registerMeetingHandlers(
      ipcMain,
      { openConsole: (id) => void relayed.push(id), broadcast: (_docId, message) => void relayed.push(message) },
      createTrustedSenderCheck(APP),
    );
    const noFolder = { available: true, folder: null, problems: [], conflicts: [], error: null };
    registerWorkspaceHandlers(
      ipcMain,
      {
        status: () => noFolder,
        setFolder: (folder) => (relayed.push(folder), noFolder),
        scan: () => relayed.push('scan'),
        resolve: (id) => void relayed.push(id),
        startWatching: () => undefined,
      },
      async () => (dialogsUsed.push('folder'), null),
      createTrustedSenderCheck(APP),
    );
    await handlers.get('documents:save')!(ours, fullPostmortem('pm-a'));
    const before = snapshot(root);
    const channels = Object.keys(ipcRequestSchemas) as (keyof typeof ipcRequestSchemas)[];
    let refused = 0;

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...channels),
        fc.array(fc.anything({ withObjectString: true, withNullPrototype: true }), { maxLength: 4 }),
        async (channel, args) => {
          // Only payloads the schema refuses: those must never reach a handler.
          fc.pre(!ipcRequestSchemas[channel].safeParse(args).success);
          const reply = (await handlers.get(channel)!(ours, ...args)) as { ok: boolean; error?: string };
          expect(reply.ok).toBe(false);
          expect(reply.error).toMatch(new RegExp(`^Refused ${channel}: \\S`));
          refused += 1;
        },
      ),
      { numRuns: 400 },
    );
    expect(snapshot(root)).toEqual(before);
    expect(dialogsUsed).toEqual([]);
    expect(relayed).toEqual([]);
    expect(refused).toBeGreaterThan(300);
    recordReliability('security-checks', refused, 'malformed IPC payloads refused');
    fs.rmSync(root, { recursive: true, force: true });
  });
});
