import { describe, expect, it } from 'vitest';
import { createPostmortem } from '../../../shared/documents';
import { exportPostmortem } from '../../../shared/markdown/export';
import { whyList } from '../../../shared/markdown/exportedShapes';
import { importPostmortem } from '../../../shared/markdown/importTemplate';
import { parse } from '../../../shared/markdown/mdast';
import type { Postmortem, WhyNode } from '../../../shared/model';
import { addRootCauseTag, addWhy, setSymptom, updateWhy } from '../../../shared/whyGraph';

const NOW = '2026-03-18T10:00:00.000Z';
const importMd = (md: string) => importPostmortem(md, { id: 'in', now: NOW }).doc;

function tagged(doc: Postmortem, id: string, ...tags: string[]): Postmortem {
  return tags.reduce((d, tag) => {
    const result = addRootCauseTag(d, id, tag);
    if (!result.ok) throw new Error(result.reason);
    return result.doc;
  }, doc);
}

/** symptom -> w1 -> w2 (root cause, tagged); with `branch`, also w1 -> w3 (root cause, tagged). */
function analysis(branch: boolean): Postmortem {
  let doc = setSymptom(createPostmortem('pm', NOW), 'Deploys failed');
  doc = updateWhy(addWhy(doc, 'w1', null), 'w1', { answer: 'A config push broke the proxy' });
  doc = updateWhy(addWhy(doc, 'w2', 'w1'), 'w2', { answer: 'Config pushes skip the canary', isRootCause: true });
  doc = tagged(doc, 'w2', 'config-push', 'no-canary');
  if (branch) {
    doc = updateWhy(addWhy(doc, 'w3', 'w1'), 'w3', { answer: 'No test covers proxy config', isRootCause: true });
    doc = tagged(doc, 'w3', 'test.gap_proxy');
  }
  return doc;
}

const tagsByAnswer = (doc: Postmortem) =>
  Object.fromEntries(doc.whys.nodes.filter((n) => n.isRootCause).map((n: WhyNode) => [n.answer, n.tags]));

describe('root-cause tags in markdown', () => {
  it.each([
    ['one chain', false],
    ['a branching tree', true],
  ])('are written after the root-cause mark and read back (%s)', (_, branch) => {
    const doc = analysis(branch);
    const md = exportPostmortem(doc);
    expect(md).toContain('→ Config pushes skip the canary **(root cause)** Tags: `config-push`, `no-canary`');
    const back = importMd(md);
    expect(tagsByAnswer(back)).toEqual(tagsByAnswer(doc));
    expect(exportPostmortem(back)).toBe(md);
  });

  it('a root cause without tags is written as before', () => {
    const doc = updateWhy(analysis(false), 'w2', { isRootCause: false });
    const md = exportPostmortem(updateWhy(doc, 'w2', { isRootCause: true }));
    expect(md).toMatch(/→ Config pushes skip the canary \*\*\(root cause\)\*\*\n/);
    expect(md).not.toContain('Tags:');
  });

  it('an export from before tags imports as it did: marked root causes, no tags', () => {
    const older = [
      '# Old',
      '',
      '## Root Cause Analysis',
      '',
      '### Five Whys',
      '',
      '**Initial Symptom:** Deploys failed',
      '',
      '- **Why deploys failed?**\\',
      '  → A config push broke the proxy',
      '  - **Why a config push broke the proxy?**\\',
      '    → Config pushes skip the canary **(root cause)**',
      '  - **Why a config push broke the proxy?**\\',
      '    → No test covers proxy config **(root cause)**',
      '',
    ].join('\n');
    const doc = importMd(older);
    expect(tagsByAnswer(doc)).toEqual({ 'Config pushes skip the canary': [], 'No test covers proxy config': [] });
  });

  it('a hand-edited tag list keeps its valid tags once each; other text after the mark is answer text', () => {
    const md = (tail: string) =>
      `# T\n\n## Root Cause Analysis\n\n### Five Whys\n\n**Why did it fail?**\\\n→ No canary **(root cause)**${tail}\n`;
    const kept = importMd(md(' Tags: `no-canary`, `bad tag`, `no-canary`, `-x`, `ok.1`')).whys.nodes[0];
    expect(kept?.isRootCause).toBe(true);
    expect(kept?.tags).toEqual(['no-canary', 'ok.1']);
    const notTags = importMd(md(' see AI-1')).whys.nodes[0];
    expect(notTags?.isRootCause).toBe(false);
    expect(notTags?.answer).toBe('No canary (root cause) see AI-1');
  });

  it('the fast reader reads a tagged why as the library does (it does not fall back)', () => {
    const lines = ['- **Why?**\\', '  → No canary **(root cause)** Tags: `no-canary`, `config.push_1`'];
    const fast = whyList(lines, [
      { line: 1, offset: 0 },
      { line: 2, offset: lines[0]!.length + 1 },
    ]);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(parse(lines.join('\n')).children[0]);
  });
});
