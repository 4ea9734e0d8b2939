/**
 * Phrasing-linter speed: a 10,000-word document (target under 20 ms, the budget for
 * linting a whole postmortem on open) and a 200-word field (under 1 ms, cheap enough
 * for every keystroke). The recorded document cycles through the labelled corpus, so
 * about four sentences in ten are blameful: far denser than a real postmortem, a
 * stress case. A typical document (one blameful sentence in ten) is recorded beside it.
 * Baseline: one pass of text.toLowerCase().split(/\s+/) over the same text, the least
 * any word-level linter must do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { lintPhrasing } from '../shared/phrasing';
import { record, result, timeIt } from './results';

const corpus = fs
  .readFileSync(
    path.join(path.dirname(new URL(import.meta.url).pathname), '../test/fixtures/phrasing/corpus.tsv'),
    'utf8',
  )
  .split('\n')
  .slice(1)
  .filter((l) => l.trim() !== '')
  .map((l) => l.split('\t'));
const allSentences = corpus.map((cells) => cells[2] ?? '');
/** Neutral sentences with one blameful sentence in ten: closer to a real postmortem. */
const typicalSentences = (() => {
  const neutral = corpus.filter((c) => c[0] === 'neutral').map((c) => c[2] ?? '');
  const blameful = corpus.filter((c) => c[0] === 'blameful').map((c) => c[2] ?? '');
  return neutral.flatMap((s, i) => (i % 9 === 8 ? [s, blameful[Math.floor(i / 9) % blameful.length] ?? ''] : [s]));
})();

function corpusText(words: number, sentences: readonly string[] = allSentences): string {
  const paragraphs: string[] = [];
  let paragraph: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i += 1) {
    const sentence = sentences[i % sentences.length] ?? '';
    const room = words - count;
    const taken = sentence.split(/\s+/).slice(0, room).join(' ');
    paragraph.push(taken);
    count += taken.split(/\s+/).length;
    if (paragraph.length === 5) {
      paragraphs.push(paragraph.join(' '));
      paragraph = [];
    }
  }
  if (paragraph.length > 0) paragraphs.push(paragraph.join(' '));
  return paragraphs.join('\n\n');
}

test('phrasing lint of a 10,000-word document and a 200-word field', () => {
  const doc = corpusText(10_000);
  const field = corpusText(200);
  expect(doc.split(/\s+/).length).toBe(10_000);
  expect(field.split(/\s+/).length).toBe(200);
  const typical = corpusText(10_000, typicalSentences);
  const docMs = timeIt(() => lintPhrasing(doc), 30, 40);
  const typicalMs = timeIt(() => lintPhrasing(typical), 25, 10);
  const typicalBaseline = timeIt(() => typical.toLowerCase().split(/\s+/), 25, 10);
  const docBaseline = timeIt(() => doc.toLowerCase().split(/\s+/), 25, 10);
  const fieldMs = timeIt(() => lintPhrasing(field), 200, 50);
  const fieldBaseline = timeIt(() => field.toLowerCase().split(/\s+/), 200, 50);
  console.log(
    `findings: stress document ${lintPhrasing(doc).length}, typical document ${lintPhrasing(typical).length}, field ${lintPhrasing(field).length}`,
  );
  record(
    [
      result('phrasing.lint10kWords', docMs, 'ms', 20, docBaseline),
      result('phrasing.lint200Words', fieldMs, 'ms', 1, fieldBaseline),
      result('phrasing.lint10kWordsTypical', typicalMs, 'ms', 20, typicalBaseline),
    ],
    {
      'phrasing.lint10kWords': 'text.toLowerCase().split(/\\s+/) over the same 10,000 words',
      'phrasing.lint200Words': 'text.toLowerCase().split(/\\s+/) over the same 200 words',
      'phrasing.lint10kWordsTypical': 'text.toLowerCase().split(/\\s+/) over the same 10,000 words',
    },
  );
});
