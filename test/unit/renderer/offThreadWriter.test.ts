import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { toLibraryRow } from '../../../shared/documents';
import { updateTimelineEvent } from '../../../shared/edits';
import type { Postmortem } from '../../../shared/model';
import { createDocumentWriter, type WriteRequest } from '../../../renderer/src/platform/documentWriter';
import {
  createOffThreadWriter,
  WriterUnavailable,
  type WriterPort,
} from '../../../renderer/src/platform/offThreadWriter';
import { fullPostmortem } from '../../fixtures/documents';

let dbCount = 0;
const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

/** A writer whose worker side runs in this thread over a MessageChannel (so messages are cloned). */
async function setUp() {
  const dbName = `pm-writer-${(dbCount += 1)}`;
  // The database as the app creates it (browserPlatform.ts), with no connection left open.
  const created = await openDB(dbName, 3, {
    upgrade(db) {
      for (const store of ['documents', 'damaged', 'settings', 'index']) db.createObjectStore(store);
      db.createObjectStore('trash', { keyPath: 'id' });
    },
  });
  created.close();
  const channel = new MessageChannel();
  channels.push(channel);
  const sent: WriteRequest['kind'][] = [];
  const worker = { handle: createDocumentWriter() };
  channel.port2.onmessage = async (event: MessageEvent<WriteRequest>) =>
    channel.port2.postMessage(await worker.handle(event.data));
  const port = channel.port1 as unknown as WriterPort;
  const post = port.postMessage.bind(port);
  port.postMessage = (request) => {
    sent.push(request.kind);
    post(request);
  };
  const writer = createOffThreadWriter(port, dbName);
  const stored = async (id: string) => {
    const db = await openDB(dbName);
    const doc = (await db.get('documents', id)) as Postmortem;
    db.close();
    return doc;
  };
  return { writer, sent, stored, worker, dbName };
}

const typeInto = (doc: Postmortem, text: string) => updateTimelineEvent(doc, doc.timeline[0]!.id, { text });

describe('the off-thread document writer', () => {
  it('writes a document whole once, then only what each save changed', async () => {
    const { writer, sent, stored } = await setUp();
    const doc = fullPostmortem();
    await writer.write(doc, toLibraryRow(doc));
    const edited = typeInto(doc, 'The deploy | stalled <b>at</b> `80%` 🚦\nthen recovered');
    await writer.write(edited, toLibraryRow(edited));
    const again = typeInto(edited, 'The deploy stalled');
    await writer.write(again, toLibraryRow(again));
    expect(sent).toEqual(['write', 'patch', 'patch']);
    expect(await stored(doc.id)).toEqual(again);
  });

  it('patches against the copy handed over when the document opened', async () => {
    const { writer, sent, stored } = await setUp();
    const doc = fullPostmortem();
    await writer.hold(doc);
    const edited = typeInto(doc, 'typed after opening');
    await writer.write(edited, toLibraryRow(edited));
    expect(sent).toEqual(['hold', 'patch']);
    expect(await stored(doc.id)).toEqual(edited);
  });

  it('does not hand over an opened document again once a save has given the worker a copy', async () => {
    const { writer, sent, stored } = await setUp();
    const doc = fullPostmortem();
    const edited = typeInto(doc, 'typed before the idle hand-over');
    await writer.write(edited, toLibraryRow(edited));
    await writer.hold(doc);
    const again = typeInto(edited, 'typed after it');
    await writer.write(again, toLibraryRow(again));
    expect(sent).toEqual(['write', 'patch']);
    expect(await stored(doc.id)).toEqual(again);
  });

  it('sends the document whole when the worker has lost its copy (restarted)', async () => {
    const { writer, sent, stored, worker } = await setUp();
    const doc = fullPostmortem();
    await writer.write(doc, toLibraryRow(doc));
    worker.handle = createDocumentWriter();
    const edited = typeInto(doc, 'typed after a restart');
    await writer.write(edited, toLibraryRow(edited));
    expect(sent).toEqual(['write', 'patch', 'write']);
    expect(await stored(doc.id)).toEqual(edited);
  });

  it('reports a failed write, and sends the next one whole', async () => {
    const { writer, sent, stored, worker } = await setUp();
    const doc = fullPostmortem();
    await writer.write(doc, toLibraryRow(doc));
    const real = worker.handle;
    worker.handle = createDocumentWriter(() => Promise.reject(new Error('The disk is full')));
    // The broken worker holds no copy: the patch is refused, and the whole write fails.
    const edited = typeInto(doc, 'not saved yet');
    await expect(writer.write(edited, toLibraryRow(edited))).rejects.toThrow(/The disk is full/);
    worker.handle = real;
    await writer.write(edited, toLibraryRow(edited));
    expect(sent).toEqual(['write', 'patch', 'write', 'write']);
    expect(await stored(doc.id)).toEqual(edited);
  });

  it('does not hold up another tab that upgrades the database, and writes again after it', async () => {
    const { writer, stored, dbName } = await setUp();
    const doc = fullPostmortem();
    await writer.write(doc, toLibraryRow(doc));
    const upgraded = await openDB(dbName, 4, { upgrade: (db) => void db.createObjectStore('later') });
    upgraded.close();
    const edited = typeInto(doc, 'after the upgrade');
    await writer.write(edited, toLibraryRow(edited));
    expect(await stored(doc.id)).toEqual(edited);
  });

  it('says it is unavailable once the worker is gone, so the page writes the document itself', async () => {
    const { writer } = await setUp();
    writer.fail('the worker crashed');
    const doc = fullPostmortem();
    await expect(writer.write(doc, toLibraryRow(doc))).rejects.toBeInstanceOf(WriterUnavailable);
  });
});
