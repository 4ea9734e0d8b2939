/**
 * How well the phrasing linter separates blameful from neutral wording, measured on
 * test/fixtures/phrasing/corpus.tsv (real sentences from public postmortems plus ones we
 * wrote). Prints precision, recall and false-positive rate overall and per category,
 * for the whole corpus, a dev split and a held-out split (every 5th line), so tuning
 * rules to the dev lines shows up as a gap. Fails only when overall recall drops below
 * 0.9 or the false-positive rate rises above 0.05.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { lintPhrasing, PHRASING_CATEGORY_IDS, type PhrasingCategory } from '../shared/phrasing';

interface Row {
  line: number;
  label: 'blameful' | 'neutral';
  category: PhrasingCategory | null;
  sentence: string;
  source: string;
}

function loadCorpus(): Row[] {
  const file = path.join(path.dirname(new URL(import.meta.url).pathname), '../test/fixtures/phrasing/corpus.tsv');
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l, line) => {
      const [label, category, sentence, source] = l.split('\t');
      if ((label !== 'blameful' && label !== 'neutral') || !category || !sentence || !source)
        throw new Error(`corpus line ${line + 2} is malformed`);
      return { line, label, category: category === '-' ? null : (category as PhrasingCategory), sentence, source };
    });
}

/** Every 5th data line is held out: rules should be written without looking at these misses. */
const isHeldOut = (row: Row) => row.line % 5 === 0;

interface Scored extends Row {
  categories: Set<PhrasingCategory>;
}

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

function overall(name: string, rows: Scored[]) {
  const blameful = rows.filter((r) => r.label === 'blameful');
  const neutral = rows.filter((r) => r.label === 'neutral');
  const tp = blameful.filter((r) => r.categories.size > 0).length;
  const fp = neutral.filter((r) => r.categories.size > 0).length;
  return {
    split: name,
    blameful: blameful.length,
    neutral: neutral.length,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, blameful.length),
    fpr: ratio(fp, neutral.length),
    categoryRecall: ratio(blameful.filter((r) => r.category && r.categories.has(r.category)).length, blameful.length),
  };
}

function perCategory(rows: Scored[]) {
  return PHRASING_CATEGORY_IDS.map((category) => {
    const expected = rows.filter((r) => r.category === category);
    const flagged = rows.filter((r) => r.categories.has(category));
    const neutral = rows.filter((r) => r.label === 'neutral');
    return {
      category,
      sentences: expected.length,
      precision: ratio(flagged.filter((r) => r.category === category).length, flagged.length),
      recall: ratio(expected.filter((r) => r.categories.has(category)).length, expected.length),
      fpr: ratio(neutral.filter((r) => r.categories.has(category)).length, neutral.length),
    };
  });
}

test('phrasing linter against the labelled corpus', () => {
  const rows: Scored[] = loadCorpus().map((row) => ({
    ...row,
    categories: new Set(lintPhrasing(row.sentence).map((f) => f.category)),
  }));
  const dev = rows.filter((r) => !isHeldOut(r));
  const heldOut = rows.filter(isHeldOut);
  const summary = [overall('all', rows), overall('dev', dev), overall('held-out', heldOut)];
  console.log('Phrasing linter, overall (blameful = any finding):');
  console.table(summary);
  console.log('Per category, all lines (a finding of the expected category):');
  console.table(perCategory(rows));
  console.log('Per category, held-out lines:');
  console.table(perCategory(heldOut));
  const misses = rows.filter((r) => r.label === 'blameful' && r.categories.size === 0);
  const falseAlarms = rows.filter((r) => r.label === 'neutral' && r.categories.size > 0);
  const wrongCategory = rows.filter((r) => r.category && r.categories.size > 0 && !r.categories.has(r.category));
  const show = (r: Scored) => `  ${isHeldOut(r) ? '[held-out] ' : ''}${r.sentence}`;
  console.log(`Missed blameful (${misses.length}):\n${misses.map(show).join('\n')}`);
  console.log(`Flagged neutral (${falseAlarms.length}):\n${falseAlarms.map(show).join('\n')}`);
  console.log(
    `Flagged under another category (${wrongCategory.length}):\n${wrongCategory
      .map((r) => `${show(r)}  (expected ${r.category}, got ${[...r.categories].join(', ')})`)
      .join('\n')}`,
  );
  const all = summary[0];
  expect(all?.recall ?? 0).toBeGreaterThanOrEqual(0.9);
  expect(all?.fpr ?? 1).toBeLessThanOrEqual(0.05);
});
