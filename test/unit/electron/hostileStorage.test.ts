/**
 * Hostile text in every field, stored and read back: through DocumentStorage on conf
 * (the desktop app's files) and through the browser platform on IndexedDB. Storage is
 * not markdown, so nothing may change at all: lone surrogates, U+0000, bidi marks and
 * 100,000-character strings come back exactly.
 */
import 'fake-indexeddb/auto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBrowserPlatform } from '../../../renderer/src/platform/browserPlatform';
import { postmortemSchema, type Postmortem } from '../../../shared/model';
import {
  LONG_HOSTILE_STRINGS,
  TEXT_FIELD_PATHS,
  hostileDocument,
  hostileText,
  setFirstAt,
} from '../../fixtures/hostileDocuments';
import { recordReliability } from '../../reliability';
import { tempStorage } from './storageHarness';

/** Text that no markdown can carry but storage must: lone surrogates and every control character. */
const storageText = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  {
    weight: 1,
    arbitrary: fc.string({
      maxLength: 8,
      unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    }),
  },
);
const documents = hostileDocument({ text: storageText });

/** A few documents with one 100,000-character string in some field, picked so every string is used. */
const longDocuments = (base: Postmortem[]) =>
  LONG_HOSTILE_STRINGS.map((long, i) => {
    const field = TEXT_FIELD_PATHS[(i * 7) % TEXT_FIELD_PATHS.length] ?? 'title';
    // The dismissal reason is limited to 500 characters by the schema.
    const value = field === 'promptDismissals[].reason' ? long.slice(0, 500) : long;
    return setFirstAt(base[i % base.length] as Postmortem, field, value);
  });

describe('hostile text in storage (property-based)', () => {
  it('DocumentStorage on conf stores every field and reads it back exactly, after reopening', () => {
    const runs = 30;
    const { root, open } = tempStorage();
    let n = 0;
    fc.assert(
      fc.property(documents, (generated) => {
        const doc = { ...generated, id: `pm-${(n += 1)}` };
        expect(postmortemSchema.safeParse(doc).success).toBe(true);
        open().save(doc);
        const reopened = open();
        expect(reopened.load(doc.id)).toEqual({ doc, notice: null });
        expect(reopened.list().rows.find((r) => r.id === doc.id)?.title).toBe(doc.title);
        // The file on disk is valid UTF-8 JSON (lone surrogates are written as \u escapes).
        const bytes = fs.readFileSync(path.join(root, 'postmortems', `${doc.id}.json`));
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
      }),
      { numRuns: runs },
    );
    for (const doc of longDocuments(fc.sample(documents, { numRuns: 4, seed: 3 }))) {
      open().save(doc);
      expect(open().load(doc.id).doc).toEqual(doc);
    }
    recordReliability(
      'hostile-inputs',
      runs + LONG_HOSTILE_STRINGS.length,
      'hostile documents saved and reloaded on conf',
    );
  }, 30_000);

  it('the browser platform on IndexedDB stores every field and reads it back exactly, in a new instance', async () => {
    const runs = 30;
    let dbCount = 0;
    await fc.assert(
      fc.asyncProperty(documents, async (doc) => {
        const name = `pm-hostile-${(dbCount += 1)}`;
        await createBrowserPlatform(name).saveDocument(doc);
        const again = createBrowserPlatform(name);
        expect(await again.loadDocument(doc.id)).toEqual({ doc, notice: null });
        expect((await again.listDocuments()).rows.map((r) => r.title)).toEqual([doc.title]);
      }),
      { numRuns: runs },
    );
    const platform = createBrowserPlatform('pm-hostile-long');
    for (const [i, doc] of longDocuments(fc.sample(documents, { numRuns: 4, seed: 3 })).entries()) {
      const stored = { ...doc, id: `pm-long-${i}` };
      await platform.saveDocument(stored);
      expect((await createBrowserPlatform('pm-hostile-long').loadDocument(stored.id)).doc).toEqual(stored);
    }
    recordReliability(
      'hostile-inputs',
      runs + LONG_HOSTILE_STRINGS.length,
      'hostile documents saved and reloaded in IndexedDB',
    );
  }, 30_000);
});
