/**
 * Export and import of a large postmortem (500 timeline rows, 200 action items, a
 * 300-node why graph). Target: each under 50 ms. Baselines: JSON.stringify and
 * JSON.parse of the same document, the cheapest possible serialisation.
 */
import { test } from 'vitest';
import { exportPostmortem } from '../shared/markdown/export';
import { importPostmortem } from '../shared/markdown/importTemplate';
import { largeDocument } from './largeDocument';
import { record, result, timeIt } from './results';

test('markdown export and import of a large document', () => {
  const doc = largeDocument();
  const markdown = exportPostmortem(doc);
  const json = JSON.stringify(doc);
  const exportMs = timeIt(() => exportPostmortem(doc));
  const stringifyMs = timeIt(() => JSON.stringify(doc));
  const importMs = timeIt(() => importPostmortem(markdown, { id: 'bench', now: '2026-03-18T10:00:00.000Z' }));
  const parseMs = timeIt(() => JSON.parse(json));
  record(
    [result('export.large', exportMs, 'ms', 50, stringifyMs), result('import.large', importMs, 'ms', 50, parseMs)],
    { 'export.large': 'JSON.stringify of the same document', 'import.large': 'JSON.parse of the same document' },
  );
});
