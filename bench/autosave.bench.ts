/**
 * Autosave of a 2 MB document through the desktop app's real storage code, on disk.
 *
 * autosave.2mb: one edit to on-disk, as the desktop app does it after the autosave delay:
 * the edit (a pure function from shared/), touch() as the Autosaver does, a structured
 * clone (what IPC does to the payload), the `documents:save` handler with its sender check
 * and zod validation (electron/ipc/handle.ts guarded), and DocumentStorage.save on `conf`
 * (electron-store's engine: atomic temp-file-and-rename writes, the library index, the
 * backup policy) in a fresh temp folder, as test/unit/electron/* run it. Median of 15 saves
 * (3 with BENCH_QUICK=1) after 3 unmeasured ones. No target of its own: in the app it runs
 * in the main process, off the renderer; what the user feels, typing while it runs, is
 * typing.whileSaving.p95 (typing.bench.ts, the browser build's IndexedDB autosave).
 * Baseline: fs.writeFileSync of JSON.stringify of the same document.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { test } from 'vitest';
import { guarded } from '../electron/ipc/handle';
import { DocumentStorage, type JsonStore } from '../electron/storage/documentStorage';
import { touch } from '../shared/documents';
import { updateTimelineEvent } from '../shared/edits';
import type { Postmortem } from '../shared/model';
import { largeDocumentOfSize } from './largeDocument';
import { QUICK, record, result, timeIt } from './results';

test('autosave of a 2 MB document through the real storage code', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-studio-bench-'));
  try {
    const storage = new DocumentStorage({
      root: dir,
      openStore: (name) =>
        new Conf({ cwd: dir, configName: name, clearInvalidConfig: false, watch: false }) as unknown as JsonStore,
    });
    const save = guarded(
      'documents:save',
      (doc) => storage.save(doc),
      () => true,
    );
    let doc: Postmortem = largeDocumentOfSize(2 * 2 ** 20);
    const bytes = JSON.stringify(doc).length;
    const runs = QUICK ? 3 : 15;

    // Timed by hand, not with timeIt: the handler returns a promise (its work, storage.save,
    // is synchronous). Each save edits the newest version, as typing would.
    const samples: number[] = [];
    for (let i = 0; i < runs + 3; i += 1) {
      const start = performance.now();
      const row = doc.timeline[i % doc.timeline.length];
      if (!row) throw new Error('no timeline row to edit');
      doc = updateTimelineEvent(doc, row.id, { text: `${row.text}.` });
      const reply = await save(
        { senderFrame: { url: 'app://bench' } },
        structuredClone(touch(doc, new Date().toISOString())),
      );
      if (!reply.ok) throw new Error(`save refused: ${reply.error}`);
      if (i >= 3) samples.push(performance.now() - start);
    }
    const onDisk = fs.statSync(storage.documentPath(doc.id)).size;
    if (onDisk < 2 * 2 ** 20) throw new Error(`the saved file is ${onDisk} bytes, not 2 MB`);
    samples.sort((a, b) => a - b);
    const saveMs = samples[Math.floor(samples.length / 2)] ?? NaN;

    const plain = path.join(dir, 'plain.json');
    const writeMs = timeIt(() => fs.writeFileSync(plain, JSON.stringify(doc)), runs, 3);
    console.log(`autosave: document ${(bytes / 2 ** 20).toFixed(2)} MB of JSON, ${onDisk} bytes on disk`);
    record([result('autosave.2mb', saveMs, 'ms', null, writeMs)], {
      'autosave.2mb': 'fs.writeFileSync(JSON.stringify(doc)) of the same document',
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
