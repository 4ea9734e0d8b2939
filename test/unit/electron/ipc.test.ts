import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerDocumentHandlers } from '../../../electron/ipc/documents';
import { registerFileHandlers, type FileDialogs } from '../../../electron/ipc/files';
import { registerMeetingHandlers } from '../../../electron/ipc/meeting';
import { registerWorkspaceHandlers, type WorkspaceLike } from '../../../electron/ipc/workspace';
import type { WorkspaceStatus } from '../../../shared/workspace';
import type { IpcMainLike, InvokeEventLike } from '../../../electron/ipc/handle';
import { createTrustedSenderCheck } from '../../../electron/security';
import { MAX_IMPORT_BYTES } from '../../../shared/api';
import { ipcRequestSchemas } from '../../../shared/ipc';
import { fullPostmortem } from '../../fixtures/documents';
import { tempStorage } from './storageHarness';

const APP = 'file:///opt/studio/renderer/';
const ours: InvokeEventLike = { senderFrame: { url: `${APP}index.html` } };

let chosenFolder: string | null = null;

function registered(dialogs: FileDialogs = { chooseSavePath: async () => null, chooseOpenPath: async () => null }) {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
  const { root, open } = tempStorage();
  const workspaceCalls: unknown[][] = [];
  const mirrored: string[] = [];
  registerDocumentHandlers(ipcMain, open(), createTrustedSenderCheck(APP), {
    saved: (doc) => void mirrored.push(`saved ${doc.id}`),
    loaded: (id) => void mirrored.push(`loaded ${id}`),
  });
  let folder: string | null = null;
  const status = (): WorkspaceStatus => ({ available: true, folder, problems: [], conflicts: [], error: null });
  const workspace: WorkspaceLike = {
    status,
    setFolder: (next) => {
      workspaceCalls.push(['setFolder', next]);
      folder = next;
      return status();
    },
    scan: () => workspaceCalls.push(['scan']),
    resolve: (id, keep) => void workspaceCalls.push(['resolve', id, keep]),
    startWatching: () => void workspaceCalls.push(['watch']),
  };
  registerWorkspaceHandlers(ipcMain, workspace, async () => chosenFolder, createTrustedSenderCheck(APP));
  registerFileHandlers(ipcMain, dialogs, createTrustedSenderCheck(APP));
  const consoles: string[] = [];
  const relayed: [string, unknown][] = [];
  registerMeetingHandlers(
    ipcMain,
    { openConsole: (id) => void consoles.push(id), broadcast: (id, message) => void relayed.push([id, message]) },
    createTrustedSenderCheck(APP),
  );
  const call = (channel: string, event: InvokeEventLike, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  };
  const filesOnDisk = () => (fs.existsSync(root) ? fs.readdirSync(root, { recursive: true }).map(String).sort() : []);
  return { handlers, call, filesOnDisk, root, consoles, relayed, workspaceCalls, mirrored };
}

describe('document IPC handlers', () => {
  it('registers exactly the channels of the shared contract', () => {
    expect([...registered().handlers.keys()].sort()).toEqual(Object.keys(ipcRequestSchemas).sort());
  });

  it('saves and loads a valid document from our own page', async () => {
    const { call } = registered();
    expect(await call('documents:save', ours, fullPostmortem('pm-a'))).toMatchObject({ ok: true });
    expect(await call('documents:load', ours, 'pm-a')).toEqual({
      ok: true,
      value: { doc: fullPostmortem('pm-a'), notice: null },
    });
  });

  const malformed: [string, string, unknown[]][] = [
    ['a document with a bad severity', 'documents:save', [{ ...fullPostmortem('pm-x'), severity: 'SEV-0' }]],
    ['a document whose id walks out of the folder', 'documents:save', [{ ...fullPostmortem(), id: '../../evil' }]],
    ['no payload at all', 'documents:save', []],
    ['a string instead of a document', 'documents:save', ['{"id":"x"}']],
    ['two payloads', 'documents:save', [fullPostmortem('pm-y'), fullPostmortem('pm-z')]],
    ['a path as an id', 'documents:load', ['../library']],
    ['a number as an id', 'documents:trash', [42]],
  ];
  for (const [name, channel, args] of malformed) {
    it(`refuses ${name} with a readable error and leaves disk unchanged`, async () => {
      const { call, filesOnDisk } = registered();
      await call('documents:save', ours, fullPostmortem('pm-a'));
      const before = filesOnDisk();
      const reply = (await call(channel, ours, ...args)) as { ok: boolean; error?: string };
      expect(reply.ok).toBe(false);
      expect(reply.error).toMatch(new RegExp(`^Refused ${channel}: `));
      expect(filesOnDisk()).toEqual(before);
    });
  }

  it('refuses calls from any page that is not ours, before touching disk', async () => {
    const { call, filesOnDisk } = registered();
    for (const url of ['https://evil.example/', 'file:///tmp/other.html', '', `${APP}../../etc/x.html`]) {
      const reply = await call('documents:save', { senderFrame: { url } }, fullPostmortem('pm-a'));
      expect(reply).toEqual({
        ok: false,
        error: expect.stringContaining("did not come from Postmortem Studio's own window"),
      });
    }
    expect(await call('documents:list', { senderFrame: null })).toMatchObject({ ok: false });
    expect(filesOnDisk()).toEqual([]);
  });

  it('turns storage errors into sentences', async () => {
    const { call } = registered();
    expect(await call('documents:load', ours, 'missing')).toEqual({
      ok: false,
      error: expect.stringMatching(/was not found/),
    });
    expect(await call('documents:restore', ours, 'missing')).toEqual({
      ok: false,
      error: expect.stringMatching(/not in the library/),
    });
  });

  it('writes the library index beside the documents', async () => {
    const { call, root } = registered();
    await call('documents:save', ours, fullPostmortem('pm-a'));
    expect(fs.existsSync(path.join(root, 'library.json'))).toBe(true);
  });
});

describe('file IPC handlers', () => {
  it('writes an export only to the path the person chose', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-export-'));
    const target = path.join(dir, 'chosen.md');
    const suggested: string[] = [];
    const { call } = registered({
      chooseSavePath: async (name) => (suggested.push(name), target),
      chooseOpenPath: async () => null,
    });
    const reply = await call('files:export', ours, '2026-03-18-outage.md', '# Postmortem: x\n');
    expect(reply).toEqual({ ok: true, value: { saved: true, location: target } });
    expect(suggested).toEqual(['2026-03-18-outage.md']);
    expect(fs.readFileSync(target, 'utf8')).toBe('# Postmortem: x\n');
    expect(fs.readdirSync(dir)).toEqual(['chosen.md']);
  });

  it('does nothing when the save dialog is cancelled', async () => {
    const { call } = registered();
    expect(await call('files:export', ours, 'a.md', 'x')).toEqual({
      ok: true,
      value: { saved: false, location: null },
    });
  });

  it('refuses suggested names with path separators', async () => {
    const { call } = registered({ chooseSavePath: async () => '/tmp/never.md', chooseOpenPath: async () => null });
    for (const name of ['../evil.md', 'a/b.md', 'C:\\x.md', '']) {
      expect(await call('files:export', ours, name, 'x')).toMatchObject({ ok: false });
    }
  });

  it('opens a chosen markdown file, and refuses binary or huge files with a sentence', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-open-'));
    const good = path.join(dir, 'pm.md');
    const binary = path.join(dir, 'pm.bin');
    const huge = path.join(dir, 'huge.md');
    fs.writeFileSync(good, '# Postmortem: ok 🔥');
    fs.writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00, 0x81]));
    fs.writeFileSync(huge, 'x'.repeat(MAX_IMPORT_BYTES + 1));
    let next = good;
    const { call } = registered({ chooseSavePath: async () => null, chooseOpenPath: async () => next });
    expect(await call('files:open', ours, 'markdown')).toEqual({
      ok: true,
      value: { name: 'pm.md', content: '# Postmortem: ok 🔥' },
    });
    next = binary;
    expect(await call('files:open', ours, 'markdown')).toEqual({
      ok: false,
      error: expect.stringMatching(/not UTF-8 text/),
    });
    next = huge;
    expect(await call('files:open', ours, 'markdown')).toEqual({
      ok: false,
      error: expect.stringMatching(/largest file that can be opened is 8 MB/),
    });
  });

  it('opens a shared settings file as JSON, and refuses a kind it does not know', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-open-json-'));
    const file = path.join(dir, 'team-phrases.json');
    fs.writeFileSync(file, '{"format":"postmortem-studio/phrasing-settings"}');
    const kinds: string[] = [];
    const { call } = registered({
      chooseSavePath: async () => null,
      chooseOpenPath: async (kind) => {
        kinds.push(kind);
        return file;
      },
    });
    expect(await call('files:open', ours, 'json')).toEqual({
      ok: true,
      value: { name: 'team-phrases.json', content: '{"format":"postmortem-studio/phrasing-settings"}' },
    });
    expect(await call('files:open', ours, 'exe')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Refused/),
    });
    expect(kinds).toEqual(['json']);
  });
});

describe('settings IPC handlers', () => {
  const settings = {
    disabledCategories: ['hindsight'],
    customRules: [{ id: 'r1', phrase: 'cowboy deploy', reframe: 'deploy outside the pipeline', category: 'character' }],
  };

  it('starts from the defaults, then keeps what was saved in the library store', async () => {
    const { call, filesOnDisk } = registered();
    expect(await call('settings:load-prompts', ours)).toEqual({
      ok: true,
      value: { disabledCategories: [], customRules: [] },
    });
    expect(await call('settings:save-prompts', ours, settings)).toEqual({ ok: true, value: undefined });
    expect(await call('settings:load-prompts', ours)).toEqual({ ok: true, value: settings });
    expect(filesOnDisk()).toContain('library.json');
  });

  it("keeps the team's agendas, and refuses one without phases", async () => {
    const { call } = registered();
    expect(await call('settings:load-agendas', ours)).toEqual({ ok: true, value: [] });
    const agenda = {
      id: 'ours',
      name: 'Short review',
      phases: [{ name: 'Timeline', minutes: 10, goal: 'Facts first', section: 'timeline' }],
    };
    expect(await call('settings:save-agendas', ours, [agenda])).toEqual({ ok: true, value: undefined });
    expect(await call('settings:load-agendas', ours)).toEqual({ ok: true, value: [agenda] });
    expect(await call('settings:save-agendas', ours, [{ ...agenda, phases: [] }])).toMatchObject({ ok: false });
    expect(await call('settings:load-agendas', ours)).toEqual({ ok: true, value: [agenda] });
  });

  it('refuses settings that do not validate, keeping the saved ones', async () => {
    const { call } = registered();
    await call('settings:save-prompts', ours, settings);
    for (const bad of [
      { ...settings, disabledCategories: ['gossip'] },
      { ...settings, customRules: [{ id: '../x', phrase: 'a', reframe: '', category: 'character' }] },
      'not settings',
    ]) {
      expect(await call('settings:save-prompts', ours, bad)).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^Refused settings:save-prompts/),
      });
    }
    expect(await call('settings:load-prompts', ours)).toEqual({ ok: true, value: settings });
  });
});

describe('meeting IPC handlers', () => {
  it('opens a console window for a postmortem and relays valid meeting messages', async () => {
    const { call, consoles, relayed } = registered();
    expect(await call('windows:open-console', ours, 'pm-a')).toEqual({ ok: true, value: undefined });
    expect(consoles).toEqual(['pm-a']);
    await call('meeting:post', ours, 'pm-a', { type: 'command', command: 'next' });
    await call('meeting:post', ours, 'pm-a', { type: 'state', doc: fullPostmortem('pm-a') });
    expect(relayed.map(([id, m]) => [id, (m as { type: string }).type])).toEqual([
      ['pm-a', 'command'],
      ['pm-a', 'state'],
    ]);
  });

  it('refuses a message of the wrong shape, a bad id, or another page, and relays nothing', async () => {
    const { call, consoles, relayed } = registered();
    for (const args of [
      ['pm-a', { type: 'command', command: 'rm -rf' }],
      ['pm-a', { type: 'state', doc: { title: 'not a postmortem' } }],
      ['../x', { type: 'hello' }],
      ['pm-a', { type: 'notes', text: 'x'.repeat(200_001) }],
    ])
      expect(await call('meeting:post', ours, ...args)).toMatchObject({ ok: false });
    expect(
      await call('meeting:post', { senderFrame: { url: 'https://evil.example/' } }, 'pm-a', { type: 'hello' }),
    ).toMatchObject({
      ok: false,
    });
    expect(await call('windows:open-console', ours, '../../etc')).toMatchObject({ ok: false });
    expect(relayed).toEqual([]);
    expect(consoles).toEqual([]);
  });
});

describe('workspace folder IPC handlers', () => {
  it('tells the folder sync about every document saved and loaded, after storage has it', async () => {
    const { call, mirrored } = registered();
    await call('documents:save', ours, fullPostmortem('pm-a'));
    await call('documents:load', ours, 'pm-a');
    expect(mirrored).toEqual(['saved pm-a', 'loaded pm-a']);
  });

  it('takes the folder only from the dialog, never from the page', async () => {
    const { call, workspaceCalls } = registered();
    const refused = (await call('workspace:choose', ours, '/etc')) as { ok: boolean; error?: string };
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused workspace:choose: /) as string });
    chosenFolder = null;
    expect(await call('workspace:choose', ours)).toMatchObject({ ok: true, value: { folder: null } });
    chosenFolder = '/home/me/postmortems';
    expect(await call('workspace:choose', ours)).toMatchObject({ ok: true, value: { folder: '/home/me/postmortems' } });
    expect(workspaceCalls).toEqual([['setFolder', '/home/me/postmortems'], ['watch']]);
    chosenFolder = null;
  });

  const badResolves: [string, unknown[]][] = [
    ['an unknown choice', ['pm-a', 'theirs']],
    ['a path as the id', ['../library', 'app']],
    ['no choice', ['pm-a']],
    ['an extra argument', ['pm-a', 'app', '/tmp/x']],
  ];
  for (const [name, args] of badResolves) {
    it(`refuses a conflict choice with ${name}`, async () => {
      const { call, workspaceCalls } = registered();
      const reply = (await call('workspace:resolve', ours, ...args)) as { ok: boolean; error?: string };
      expect(reply.ok).toBe(false);
      expect(reply.error).toMatch(/^Refused workspace:resolve: /);
      expect(workspaceCalls).toEqual([]);
    });
  }

  it('passes a valid conflict choice on, and refuses it from a page that is not ours', async () => {
    const { call, workspaceCalls } = registered();
    expect(await call('workspace:resolve', ours, 'pm-a', 'folder')).toMatchObject({ ok: true });
    expect(
      await call('workspace:resolve', { senderFrame: { url: 'https://evil.example/' } }, 'pm-a', 'app'),
    ).toMatchObject({ ok: false });
    expect(workspaceCalls).toEqual([['resolve', 'pm-a', 'folder']]);
  });
});
