/**
 * `postmortem lint <folder>`, as a docs repository's CI runs it: every .md file directly
 * in the folder, findings then one summary line per file, and an exit code the CI can
 * act on (0 clean, 1 findings, 2 something could not be read).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/main';
import { nodeIo } from '../../../cli/nodeIo';
import { exportPostmortem } from '../../../shared/markdown/export';
import { fullPostmortem } from '../../fixtures/documents';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-cli-folder-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A folder with the given files (name -> content; a name with "/" makes a subfolder). */
function folder(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = path.join(root, name);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { ...nodeIo, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr, lines: stdout.split('\n').filter((l) => l !== '') };
}

const clean = exportPostmortem(fullPostmortem());
const weak = (() => {
  const doc = fullPostmortem();
  doc.actionItems[0] = {
    ...doc.actionItems[0]!,
    description: 'Improve monitoring',
    owner: 'the team',
    trackingLink: '',
  };
  return exportPostmortem(doc);
})();

describe('postmortem lint <folder>', () => {
  it('lints each .md file directly in the folder, in name order, with one summary line per file; exit 1 on findings', async () => {
    const dir = folder('mixed', {
      'b-weak.md': weak,
      'a-clean.md': clean,
      'c-notes.MARKDOWN': 'Sam forgot to check the canary.\n',
      'notes.txt': 'Bob forgot to check.\n', // not markdown: left alone
      '.#a-clean.md': 'an editor lock file that says: human error', // hidden: left alone
      'archive/old.md': weak, // subfolders are not searched
    });
    const out = await run('lint', dir);
    expect(out.code).toBe(1);
    expect(out.stderr).toBe('');
    const summaries = out.lines.filter((l) => !/\.(md|MARKDOWN):\d+:\d+ {2}/.test(l));
    expect(summaries).toEqual([
      `${path.join(dir, 'a-clean.md')}: clean`,
      expect.stringMatching(new RegExp(`^${escape(path.join(dir, 'b-weak.md'))}: \\d+ findings$`)),
      `${path.join(dir, 'c-notes.MARKDOWN')}: 1 finding`,
    ]);
    // Each file's findings come right before its summary line, and the count matches them.
    const weakFindings = out.lines.filter((l) => l.startsWith(`${path.join(dir, 'b-weak.md')}:`) && l !== summaries[1]);
    expect(weakFindings.some((l) => /AI-001: Too vague/.test(l))).toBe(true);
    expect(summaries[1]).toBe(`${path.join(dir, 'b-weak.md')}: ${weakFindings.length} findings`);
    expect(out.lines.indexOf(summaries[1]!)).toBe(out.lines.indexOf(weakFindings[0]!) + weakFindings.length);
    expect(out.stdout).not.toMatch(/notes\.txt|archive|\.#a-clean/);
  });

  it('exits 0 when every file is clean; a trailing slash names the files the same way', async () => {
    const dir = folder('clean', { 'one.md': clean, 'two.md': clean });
    const out = await run('lint', `${dir}/`);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.lines).toEqual([`${path.join(dir, 'one.md')}: clean`, `${path.join(dir, 'two.md')}: clean`]);
  });

  it('reports a file it cannot read, still lints the others, and exits 2', async () => {
    const dir = folder('unreadable', {
      'a-binary.md': Uint8Array.from([0, 1, 2, 255]),
      'b-latin1.md': Uint8Array.from([0x63, 0x61, 0x66, 0xe9]),
      'c-weak.md': weak,
    });
    const out = await run('lint', dir);
    expect(out.code).toBe(2);
    expect(out.stderr.split('\n').filter(Boolean)).toEqual([
      `postmortem: ${path.join(dir, 'a-binary.md')} looks like a binary file, not text`,
      `postmortem: ${path.join(dir, 'b-latin1.md')} is not UTF-8 text`,
    ]);
    expect(out.lines.at(-1)).toMatch(/c-weak\.md: \d+ findings$/);
  });

  it('refuses, with exit 2, a folder with no .md files in it and a folder that is not there', async () => {
    const empty = folder('empty', { 'notes.txt': 'x', 'sub/deep.md': clean });
    const none = await run('lint', empty);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toBe(`postmortem: ${empty} holds no .md files (subfolders are not searched)\n`);
    const missing = await run('lint', path.join(root, 'no-such-folder'));
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/no such file/) });
  });

  it('mixes folders with files and standard input; named files get no summary line', async () => {
    const dir = folder('withFile', { 'pm.md': clean });
    const notes = path.join(root, 'retro.txt');
    fs.writeFileSync(notes, 'In hindsight the alert was noisy.\n');
    const out = await run('lint', notes, dir);
    expect(out.code).toBe(1);
    expect(out.lines).toEqual([
      expect.stringMatching(/retro\.txt:1:1 {2}hindsight/),
      `${path.join(dir, 'pm.md')}: clean`,
    ]);
  });

  it('--json gives the findings of every file, each with its path', async () => {
    const dir = folder('json', { 'a.md': clean, 'b.md': weak });
    const out = await run('lint', '--json', dir);
    expect(out.code).toBe(1);
    const findings = JSON.parse(out.stdout) as { file: string }[];
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set([path.join(dir, 'b.md')]));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
