import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateHeader } from '../../../shared/documents';
import { exportPostmortem } from '../../../shared/markdown/export';
import type { Postmortem } from '../../../shared/model';
import type { WorkspaceEvent } from '../../../shared/workspace';
import { appLibraryFrom, WorkspaceFolder, type WorkspaceState } from '../../../electron/storage/workspaceFolder';
import { fullPostmortem } from '../../fixtures/documents';
import { tempStorage } from './storageHarness';

const BASE = '2026-03-18-checkout-api-returned-500s-for-42-minutes';

/** App storage on conf and a workspace folder, both real temp dirs. */
function setup() {
  const { open } = tempStorage();
  const storage = open();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-workspace-'));
  let saved: WorkspaceState | undefined;
  const events: WorkspaceEvent[] = [];
  let clock = Date.parse('2026-03-20T09:00:00.000Z');
  const workspace = () =>
    new WorkspaceFolder({
      app: appLibraryFrom(storage),
      state: { load: () => saved, save: (state) => (saved = structuredClone(state)) },
      onEvent: (event) => events.push(event),
      now: () => new Date((clock += 1000)),
    });
  const file = (name: string) => path.join(folder, name);
  const read = (name: string) => fs.readFileSync(file(name), 'utf8');
  const readDoc = (name: string) => JSON.parse(read(name)) as Postmortem;
  /** Someone else's edit, as a `git pull` would leave it. */
  const editOnDisk = (name: string, patch: Partial<Postmortem>) =>
    fs.writeFileSync(file(name), JSON.stringify({ ...readDoc(name), ...patch }, null, 2));
  return { storage, folder, workspace, events, file, read, readDoc, editOnDisk };
}

function withIncidentDate(doc: Postmortem): Postmortem {
  return { ...doc, incidentDate: '2026-03-18' };
}

describe('WorkspaceFolder', () => {
  it('writes each postmortem as <date>-<slug>.json and .md, replacing files by rename, and keeps the name when the title changes', () => {
    const { storage, folder, workspace, file, read, readDoc } = setup();
    const doc = withIncidentDate(fullPostmortem('pm-a'));
    storage.save(doc);
    const ws = workspace();
    ws.setFolder(folder);

    expect(fs.readdirSync(folder).sort()).toEqual([`${BASE}.json`, `${BASE}.md`]);
    expect(readDoc(`${BASE}.json`)).toEqual(doc);
    expect(read(`${BASE}.md`)).toBe(exportPostmortem(doc));

    // A new file is renamed over the old one: a reader holding the old file keeps all of it.
    const before = fs.statSync(file(`${BASE}.json`)).ino;
    const renamed = updateHeader(doc, { title: 'A quite different title' });
    storage.save(renamed);
    ws.write(renamed);
    expect(fs.statSync(file(`${BASE}.json`)).ino).not.toBe(before);
    expect(fs.readdirSync(folder).sort()).toEqual([`${BASE}.json`, `${BASE}.md`]);
    expect(readDoc(`${BASE}.json`).title).toBe('A quite different title');
    expect(read(`${BASE}.md`)).toContain('A quite different title');
  });

  it('takes in a postmortem edited in the folder when the app copy did not change, and adds new ones', () => {
    const { storage, folder, workspace, editOnDisk, file } = setup();
    storage.save(withIncidentDate(fullPostmortem('pm-a')));
    const ws = workspace();
    ws.setFolder(folder);
    editOnDisk(`${BASE}.json`, { title: 'Fixed by a colleague' });
    fs.writeFileSync(
      file('2026-04-01-new-one.json'),
      JSON.stringify({ ...fullPostmortem('pm-new'), title: 'Pulled from git' }),
    );

    expect(ws.scan().sort()).toEqual(['pm-a', 'pm-new']);
    expect(storage.load('pm-a').doc.title).toBe('Fixed by a colleague');
    expect(storage.load('pm-new').doc.title).toBe('Pulled from git');
    expect(ws.status().conflicts).toEqual([]);
    // Nothing more to do on the next pass.
    expect(workspace().scan()).toEqual([]);
  });

  it('a save made to the older version after the folder changed is a conflict; keeping the app version keeps theirs beside it', () => {
    const { storage, folder, workspace, editOnDisk, readDoc, events } = setup();
    const doc = withIncidentDate(fullPostmortem('pm-a'));
    storage.save(doc);
    const ws = workspace();
    ws.setFolder(folder);
    editOnDisk(`${BASE}.json`, { title: 'Their title' });

    const mine = updateHeader(doc, { title: 'My title' });
    storage.save(mine);
    ws.write(mine);

    expect(readDoc(`${BASE}.json`).title).toBe('Their title');
    expect(ws.status().conflicts).toEqual([{ id: 'pm-a', title: 'My title', file: `${BASE}.json` }]);
    expect(events.at(-1)?.status.conflicts).toHaveLength(1);
    // Still a conflict on the next scan and after more saves: nothing is overwritten until the person chooses.
    ws.scan();
    ws.write(updateHeader(mine, { authors: 'me' }));
    expect(readDoc(`${BASE}.json`).title).toBe('Their title');

    ws.resolve('pm-a', 'app');
    expect(readDoc(`${BASE}.json`).title).toBe('My title');
    const copies = fs.readdirSync(folder).filter((n) => n.includes('.conflict-'));
    expect(copies).toHaveLength(1);
    expect(readDoc(copies[0] ?? '').title).toBe('Their title');
    expect(ws.status().conflicts).toEqual([]);
  });

  it('keeping the folder version takes it into the app and keeps the app version beside it', () => {
    const { storage, folder, workspace, editOnDisk, readDoc, events } = setup();
    const doc = withIncidentDate(fullPostmortem('pm-a'));
    storage.save(doc);
    const ws = workspace();
    ws.setFolder(folder);
    ws.stopWatching();
    // The app changed while the folder was away; the folder changed too.
    storage.save(updateHeader(doc, { title: 'My title' }));
    editOnDisk(`${BASE}.json`, { title: 'Their title' });
    ws.scan();
    expect(ws.status().conflicts.map((c) => c.id)).toEqual(['pm-a']);

    ws.resolve('pm-a', 'folder');
    expect(storage.load('pm-a').doc.title).toBe('Their title');
    expect(readDoc(`${BASE}.json`).title).toBe('Their title');
    const copies = fs.readdirSync(folder).filter((n) => n.includes('.conflict-'));
    expect(copies.map((n) => readDoc(n).title)).toEqual(['My title']);
    expect(events.at(-1)?.changed).toEqual(['pm-a']);
  });

  it('after taking in a folder change, stale edits from the open window raise a conflict until it reloads', () => {
    const { storage, folder, workspace, editOnDisk, readDoc } = setup();
    const doc = withIncidentDate(fullPostmortem('pm-a'));
    storage.save(doc);
    const ws = workspace();
    ws.setFolder(folder);
    editOnDisk(`${BASE}.json`, { title: 'Their title' });
    ws.scan();

    const stale = updateHeader(doc, { authors: 'typed before the reload' });
    storage.save(stale);
    ws.write(stale);
    expect(readDoc(`${BASE}.json`).title).toBe('Their title');
    expect(ws.status().conflicts.map((c) => c.id)).toEqual(['pm-a']);

    // A window that reloaded saves on top of the folder version: no conflict.
    ws.resolve('pm-a', 'folder');
    ws.noteLoaded('pm-a');
    const next = updateHeader(storage.load('pm-a').doc, { authors: 'after reload' });
    storage.save(next);
    ws.write(next);
    expect(readDoc(`${BASE}.json`)).toMatchObject({ title: 'Their title', authors: 'after reload' });
  });

  it('lists foreign, broken and orphaned files as problems and never changes or removes them', () => {
    const { storage, folder, workspace, file } = setup();
    const foreign: Record<string, string | Buffer> = {
      'README.txt': 'team notes',
      'broken.json': '<<<<<<< HEAD\n{"title": "a"}\n=======\n',
      'not-utf8.json': Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
      'other-shape.json': JSON.stringify({ hello: 'world' }),
      'orphan.md': '# Hand-written',
    };
    for (const [name, content] of Object.entries(foreign)) fs.writeFileSync(file(name), content);
    fs.mkdirSync(file('.git'));
    storage.save(withIncidentDate(fullPostmortem('pm-a')));
    const ws = workspace();
    ws.setFolder(folder);

    expect(
      ws
        .status()
        .problems.map((p) => p.file)
        .sort(),
    ).toEqual(Object.keys(foreign).sort());
    expect(ws.status().problems.find((p) => p.file === 'broken.json')?.message).toMatch(/not valid JSON/i);
    ws.scan();
    for (const [name, content] of Object.entries(foreign))
      expect(fs.readFileSync(file(name))).toEqual(Buffer.from(content));
    expect(storage.storedIds()).toEqual(['pm-a']);
  });

  it('keeps hand edits to a markdown file beside it before writing a new one', () => {
    const { storage, folder, workspace, file, read } = setup();
    const doc = withIncidentDate(fullPostmortem('pm-a'));
    storage.save(doc);
    const ws = workspace();
    ws.setFolder(folder);
    fs.writeFileSync(file(`${BASE}.md`), 'edited by hand');
    ws.write(updateHeader(doc, { authors: 'new author' }));
    const copy = fs.readdirSync(folder).find((n) => n.endsWith('.md') && n.includes('.conflict-'));
    expect(copy && read(copy)).toBe('edited by hand');
    expect(ws.status().problems.map((p) => p.file)).toEqual([copy]);
  });

  it('follows a file renamed in the folder instead of writing a second one', () => {
    const { storage, folder, workspace, file, readDoc } = setup();
    const doc = withIncidentDate(fullPostmortem('pm-a'));
    storage.save(doc);
    const ws = workspace();
    ws.setFolder(folder);
    fs.renameSync(file(`${BASE}.json`), file('checkout.json'));
    fs.renameSync(file(`${BASE}.md`), file('checkout.md'));
    // Saved before any scan noticed the rename.
    const edited = updateHeader(doc, { authors: 'someone' });
    storage.save(edited);
    ws.write(edited);
    expect(fs.readdirSync(folder).sort()).toEqual(['checkout.json', 'checkout.md']);
    expect(readDoc('checkout.json').authors).toBe('someone');
  });

  it('writes back a file removed from the folder, but leaves trashed postmortems alone until restored', () => {
    const { storage, folder, workspace, file } = setup();
    storage.save(withIncidentDate(fullPostmortem('pm-a')));
    const ws = workspace();
    ws.setFolder(folder);
    fs.rmSync(file(`${BASE}.json`));
    ws.scan();
    expect(fs.existsSync(file(`${BASE}.json`))).toBe(true);

    storage.trash('pm-a');
    fs.rmSync(file(`${BASE}.json`));
    fs.rmSync(file(`${BASE}.md`));
    expect(ws.scan()).toEqual([]);
    expect(fs.readdirSync(folder)).toEqual([]);
    storage.restore('pm-a');
    ws.scan();
    expect(fs.readdirSync(folder).sort()).toEqual([`${BASE}.json`, `${BASE}.md`]);
  });

  it('a folder that went away is reported, and saving in the app still works', () => {
    const { storage, folder, workspace } = setup();
    const doc = withIncidentDate(fullPostmortem('pm-a'));
    storage.save(doc);
    const ws = workspace();
    ws.setFolder(folder);
    fs.rmSync(folder, { recursive: true });
    expect(() => ws.write(updateHeader(doc, { authors: 'x' }))).not.toThrow();
    expect(ws.status().error).toMatch(/cannot be used right now/);
  });
});
