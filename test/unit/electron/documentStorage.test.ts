import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPostmortem, updateHeader } from '../../../shared/documents';
import { fullPostmortem } from '../../fixtures/documents';
import { HOSTILE_STRINGS } from '../../fixtures/hostile';
import { tempStorage } from './storageHarness';
import { recordReliability } from '../../reliability';

const now = '2026-03-18T10:00:00.000Z';

/** Counts, from here on, how often each postmortem file is read (by its id). */
function countDocumentReads(root: string): Record<string, number> {
  const reads: Record<string, number> = {};
  const dir = path.join(root, 'postmortems') + path.sep;
  const read = fs.readFileSync;
  vi.spyOn(fs, 'readFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    const name = String(file);
    if (name.startsWith(dir) && name.endsWith('.json')) {
      const id = path.basename(name, '.json');
      reads[id] = (reads[id] ?? 0) + 1;
    }
    return (read as (...args: unknown[]) => unknown)(file, ...rest);
  }) as typeof fs.readFileSync);
  return reads;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('DocumentStorage on conf', () => {
  it('round-trips a full document, one file per postmortem, across reopening', () => {
    const { root, open } = tempStorage();
    const storage = open();
    storage.save(fullPostmortem('pm-a'));
    storage.save(updateHeader(createPostmortem('pm-b', now), { title: 'Second' }));

    expect(fs.readdirSync(path.join(root, 'postmortems')).sort()).toEqual(['pm-a.json', 'pm-b.json']);
    const reopened = open();
    expect(reopened.load('pm-a')).toEqual({ doc: fullPostmortem('pm-a'), notice: null });
    expect(
      reopened
        .list()
        .rows.map((r) => r.title)
        .sort(),
    ).toEqual(['Checkout API returned 500s for 42 minutes', 'Second']);
  });

  it('saving one document rewrites only that document file', () => {
    const { root, open } = tempStorage();
    const storage = open();
    storage.save(fullPostmortem('pm-a'));
    storage.save(fullPostmortem('pm-b'));
    const before = fs.statSync(path.join(root, 'postmortems', 'pm-b.json')).mtimeMs;
    storage.save(updateHeader(fullPostmortem('pm-a'), { title: 'changed' }));
    expect(fs.statSync(path.join(root, 'postmortems', 'pm-b.json')).mtimeMs).toBe(before);
  });

  it('keeps hostile text exactly', () => {
    const { open } = tempStorage();
    for (const [i, text] of HOSTILE_STRINGS.entries()) {
      const doc = updateHeader(createPostmortem(`pm-${i}`, now), {
        title: text,
        authors: text,
        incidentCommander: text,
      });
      open().save(doc);
      expect(open().load(doc.id).doc).toEqual(doc);
    }
  });

  it('moves a deleted postmortem to the trash and back, and purges only from the trash', () => {
    const { root, open } = tempStorage();
    const storage = open();
    storage.save(fullPostmortem('pm-a'));
    expect(() => storage.purge('pm-a')).toThrow(/only postmortems in the trash/i);
    storage.trash('pm-a');
    expect(open().list()).toMatchObject({ rows: [], trash: [{ id: 'pm-a' }] });
    storage.restore('pm-a');
    expect(open().list()).toMatchObject({ rows: [{ id: 'pm-a' }], trash: [] });
    storage.trash('pm-a');
    storage.purge('pm-a');
    expect(open().list()).toMatchObject({ rows: [], trash: [] });
    expect(fs.existsSync(path.join(root, 'postmortems', 'pm-a.json'))).toBe(false);
  });

  const damages: [string, (file: string) => void, RegExp][] = [
    ['truncated JSON', (f) => fs.writeFileSync(f, fs.readFileSync(f, 'utf8').slice(0, 40)), /not valid JSON/],
    ['invalid UTF-8', (f) => fs.writeFileSync(f, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), /not valid UTF-8/],
    [
      'valid JSON of the wrong shape',
      (f) => fs.writeFileSync(f, JSON.stringify({ schemaVersion: 1, title: 3 })),
      /not valid/,
    ],
    ['an empty file', (f) => fs.writeFileSync(f, ''), /empty/],
    [
      'a newer schemaVersion',
      (f) => fs.writeFileSync(f, JSON.stringify({ ...fullPostmortem('pm-a'), schemaVersion: 7 })),
      /newer version/,
    ],
  ];

  for (const [name, damage, reason] of damages) {
    it(`recovers from ${name}: moves the file aside and restores the last good backup`, () => {
      const { root, open } = tempStorage({ backupIntervalMs: 0 });
      const storage = open();
      const good = fullPostmortem('pm-a');
      storage.save(good);
      storage.save(updateHeader(good, { title: 'second version' }));
      storage.save(fullPostmortem('pm-b'));
      const file = path.join(root, 'postmortems', 'pm-a.json');
      const damagedBytes = (damage(file), fs.readFileSync(file));

      const listing = open().list();
      expect(listing.rows.map((r) => r.id).sort()).toEqual(['pm-a', 'pm-b']);
      expect(listing.notices).toHaveLength(1);
      expect(listing.notices[0]?.message).toMatch(reason);
      expect(listing.notices[0]?.message).toContain('.corrupt-');
      const aside = fs.readdirSync(path.join(root, 'postmortems')).find((n) => n.startsWith('pm-a.json.corrupt-'));
      expect(aside).toBeDefined();
      expect(fs.readFileSync(path.join(root, 'postmortems', aside ?? ''))).toEqual(damagedBytes);
      expect(open().load('pm-a').doc).toEqual(good);
      recordReliability('corrupt-recovered', 1, name);
    });
  }

  it('drops temporary files that a killed write left behind, and nothing else', () => {
    const { root, open } = tempStorage({ backupIntervalMs: 0 });
    const storage = open();
    storage.save(fullPostmortem('pm-a'));
    storage.save(updateHeader(fullPostmortem('pm-a'), { title: 'again' }));
    const leftovers = [
      path.join(root, 'postmortems', 'pm-a.json.tmp-123abc'),
      path.join(root, 'library.json.tmp-99'),
      path.join(root, 'backups', 'pm-a', '000001700000000.json.tmp'),
    ];
    for (const file of leftovers) fs.writeFileSync(file, '{"half": ');
    const kept = path.join(root, 'postmortems', 'notes.tmp.txt');
    fs.writeFileSync(kept, 'mine');
    expect(
      open()
        .list()
        .rows.map((r) => r.title),
    ).toEqual(['again']);
    for (const file of leftovers) expect(fs.existsSync(file)).toBe(false);
    expect(fs.readFileSync(kept, 'utf8')).toBe('mine');
    expect(fs.readdirSync(path.join(root, 'backups', 'pm-a')).every((n) => n.endsWith('.json'))).toBe(true);
  });

  it('keeps at most the configured number of backups', () => {
    const { root, open } = tempStorage({ backupIntervalMs: 0, backupCount: 3 });
    const storage = open();
    for (let i = 0; i < 8; i += 1) storage.save(updateHeader(fullPostmortem('pm-a'), { title: `v${i}` }));
    expect(fs.readdirSync(path.join(root, 'backups', 'pm-a'))).toHaveLength(3);
  });

  it('rebuilds a damaged library index from the documents and says so', () => {
    const { root, open } = tempStorage();
    open().save(fullPostmortem('pm-a'));
    fs.writeFileSync(path.join(root, 'library.json'), '{"index": {');
    const listing = open().list();
    expect(listing.rows.map((r) => r.id)).toEqual(['pm-a']);
    expect(listing.notices[0]?.message).toMatch(/library index could not be read/);
  });

  it('lists each row with its kind, and reads a library index written before rows had one', () => {
    const { root, open } = tempStorage();
    const storage = open();
    storage.save(updateHeader(fullPostmortem('pm-a'), { kind: 'learning-review' }));
    storage.save(fullPostmortem('pm-b'));
    storage.trash('pm-a');
    expect(open().list().rows).toMatchObject([{ id: 'pm-b', kind: 'postmortem' }]);
    // The index as an older app wrote it: the same rows without `kind`.
    const file = path.join(root, 'library.json');
    const library = JSON.parse(fs.readFileSync(file, 'utf8')) as { index: Record<string, Record<string, unknown>> };
    for (const row of Object.values(library.index)) delete row['kind'];
    fs.writeFileSync(file, JSON.stringify(library));

    const listing = open().list();
    expect(listing.notices).toEqual([]);
    // pm-a stays in the trash (the index row still counts) and shows its kind from the document.
    expect(listing).toMatchObject({
      rows: [{ id: 'pm-b', kind: 'postmortem' }],
      trash: [{ id: 'pm-a', kind: 'learning-review' }],
    });
    open().restore('pm-a');
    expect(
      open()
        .list()
        .rows.map((r) => [r.id, r.kind])
        .sort(),
    ).toEqual([
      ['pm-a', 'learning-review'],
      ['pm-b', 'postmortem'],
    ]);
  });

  it('reports a damaged file with no backup without deleting it', () => {
    const { root, open } = tempStorage();
    open().save(fullPostmortem('pm-a'));
    fs.writeFileSync(path.join(root, 'postmortems', 'pm-a.json'), '{oops');
    const listing = open().list();
    expect(listing.rows).toEqual([]);
    expect(listing.notices[0]?.message).toMatch(/no usable backup/);
    expect(fs.readdirSync(path.join(root, 'postmortems')).some((n) => n.startsWith('pm-a.json.corrupt-'))).toBe(true);
  });

  it('lists from the index, reading no document that did not change since its row was written', () => {
    const { root, open } = tempStorage();
    const storage = open();
    storage.save(fullPostmortem('pm-a'));
    storage.save(updateHeader(createPostmortem('pm-b', now), { title: 'Second' }));
    storage.trash('pm-b');
    const reads = countDocumentReads(root);
    const listing = open().list();
    expect(listing).toMatchObject({ rows: [{ id: 'pm-a' }], trash: [{ id: 'pm-b', title: 'Second' }], notices: [] });
    expect(reads).toEqual({});
  });

  it('reads again a document another program changed on disk, and lists it as it now is', () => {
    const { root, open } = tempStorage();
    open().save(fullPostmortem('pm-a'));
    open().list();
    const file = path.join(root, 'postmortems', 'pm-a.json');
    fs.writeFileSync(file, JSON.stringify(updateHeader(fullPostmortem('pm-a'), { title: 'Edited elsewhere' })));
    const reads = countDocumentReads(root);
    expect(
      open()
        .list()
        .rows.map((r) => r.title),
    ).toEqual(['Edited elsewhere']);
    expect(reads).toEqual({ 'pm-a': 1 });
    expect(
      open()
        .list()
        .rows.map((r) => r.title),
    ).toEqual(['Edited elsewhere']);
    expect(reads).toEqual({ 'pm-a': 1 });
  });

  it('lists a library from before the file stamps by reading each document once, then from the index', () => {
    const { root, open } = tempStorage();
    open().save(fullPostmortem('pm-a'));
    open().save(updateHeader(createPostmortem('pm-b', now), { title: 'Second' }));
    const file = path.join(root, 'library.json');
    const library = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    delete library['fileStamps'];
    fs.writeFileSync(file, JSON.stringify(library));
    const reads = countDocumentReads(root);
    const titles = () =>
      open()
        .list()
        .rows.map((r) => r.title)
        .sort();
    expect(titles()).toEqual(['Checkout API returned 500s for 42 minutes', 'Second']);
    expect(reads).toEqual({ 'pm-a': 1, 'pm-b': 1 });
    expect(titles()).toEqual(['Checkout API returned 500s for 42 minutes', 'Second']);
    expect(reads).toEqual({ 'pm-a': 1, 'pm-b': 1 });
  });
});
