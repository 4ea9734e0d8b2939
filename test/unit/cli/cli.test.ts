import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/main';
import { nodeIo } from '../../../cli/nodeIo';
import { exportPostmortem } from '../../../shared/markdown/export';
import { promptSettingsFile } from '../../../shared/promptSettings';
import { fullPostmortem } from '../../fixtures/documents';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-cli-'));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
};

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { ...nodeIo, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe('postmortem CLI', () => {
  const docJson = file('doc.json', JSON.stringify(fullPostmortem()));

  it('exports a JSON document to markdown on stdout and to a file', async () => {
    const out = await run('export', docJson);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout).toBe(exportPostmortem(fullPostmortem()));
    const target = path.join(dir, 'out.md');
    expect((await run('export', docJson, '-o', target)).code).toBe(0);
    expect(fs.readFileSync(target, 'utf8')).toBe(out.stdout);
  });

  it('exports the customer incident report without names', async () => {
    const out = await run('export', docJson, '--format', 'incident-report');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('# Incident report:');
    expect(out.stdout).not.toContain('Priya');
    expect(out.stdout).not.toContain('Tom Berg');
  });

  it('imports markdown to JSON that validates and exports back the same', async () => {
    const md = file('pm.md', exportPostmortem(fullPostmortem()));
    const imported = await run('import', md);
    expect(imported.code).toBe(0);
    const json = file('imported.json', imported.stdout);
    expect((await run('validate', json)).code).toBe(0);
    expect((await run('export', json)).stdout).toBe(exportPostmortem(fullPostmortem()));
  });

  it('lints action items: findings with positions, exit 1; --json gives the documented fields', async () => {
    const doc = fullPostmortem();
    doc.actionItems[0] = {
      ...doc.actionItems[0]!,
      description: 'Improve monitoring',
      owner: 'the team',
      trackingLink: '',
    };
    const md = file('weak.md', exportPostmortem(doc));
    const text = await run('lint', md);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/weak\.md:\d+:\d+ {2}action-item {2}AI-001: Too vague/);
    const json = await run('lint', '--json', md);
    const findings = JSON.parse(json.stdout) as Record<string, unknown>[];
    const actionRules = findings.filter((f) => f['category'] === 'action-item').map((f) => f['rule']);
    expect(actionRules.sort()).toEqual(['not-tracked', 'team-owner', 'vague']);
    // The phrasing rules run too: "Improve monitoring" is a vague action wherever it is written.
    expect(findings.some((f) => f['category'] === 'vague-action')).toBe(true);
    expect(Object.keys(findings[0] ?? {}).sort()).toEqual(
      ['category', 'column', 'endColumn', 'endLine', 'excerpt', 'file', 'line', 'message', 'reframes', 'rule'].sort(),
    );
    const first = findings.find((f) => f['category'] === 'action-item');
    const lineText = fs.readFileSync(md, 'utf8').split('\n')[(first?.['line'] as number) - 1];
    expect(lineText).toContain('AI-001');
    const phrasing = findings.find((f) => f['category'] === 'vague-action');
    const phrasingLine = fs.readFileSync(md, 'utf8').split('\n')[(phrasing?.['line'] as number) - 1] ?? '';
    expect(phrasingLine.slice((phrasing?.['column'] as number) - 1).toLowerCase()).toMatch(/^improve monitoring/);
  });

  it('lint exits 0 on clean input, and reads plain text', async () => {
    expect((await run('lint', file('clean.md', exportPostmortem(fullPostmortem())))).code).toBe(0);
    const txt = await run('lint', file('notes.txt', 'We will be more careful next time.\nAll good.'));
    expect(txt.code).toBe(1);
    expect(txt.stdout).toContain('notes.txt:1:9');
  });

  it("lint applies a team's phrasing settings file, and refuses one that is not", async () => {
    const notes = file('retro.txt', 'In hindsight the alert was noisy.\nSam did a cowboy deploy.');
    const plain = await run('lint', notes);
    expect(plain.stdout).toContain('retro.txt:1:1  hindsight');
    expect(plain.stdout).not.toContain('cowboy');
    const settings = file(
      'team.json',
      promptSettingsFile({
        disabledCategories: ['hindsight'],
        customRules: [
          { id: 'r1', phrase: 'cowboy deploy', reframe: 'deploy outside the pipeline', category: 'character' },
        ],
      }),
    );
    const team = await run('lint', '--settings', settings, notes);
    expect(team.code).toBe(1);
    expect(team.stdout).not.toContain('hindsight');
    expect(team.stdout).toContain('retro.txt:2:11  character');
    expect(team.stdout).toContain('-> deploy outside the pipeline');
    const wrong = await run('lint', '--settings', docJson, notes);
    expect(wrong).toMatchObject({ code: 2, stderr: expect.stringMatching(/not a phrasing-settings file/) });
  });

  it('validate explains what is wrong with an invalid document', async () => {
    const bad = file(
      'bad.json',
      JSON.stringify({ ...fullPostmortem(), severity: 'SEV-9', incidentDate: '2026-02-30' }),
    );
    const out = await run('validate', bad);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/invalid/);
    expect(out.stdout).toMatch(/severity/);
    expect(out.stdout).toMatch(/incidentDate/);
  });

  it.each([
    ['a missing file', () => ['export', path.join(dir, 'nope.md')], /no such file/],
    ['a binary file', () => ['import', file('bin.md', Buffer.from([0, 1, 2, 255]))], /binary file/],
    ['invalid UTF-8', () => ['import', file('latin1.md', Buffer.from([0x63, 0x61, 0x66, 0xe9]))], /not UTF-8/],
    ['invalid JSON', () => ['validate', file('broken.json', '{"title":')], /not valid JSON/],
    ['a folder to import', () => ['import', dir], /is a folder/],
    ['an unknown command', () => ['frobnicate'], /unknown command/],
    ['a bad format', () => ['export', docJson, '--format', 'pdf'], /--format must be/],
    ['no file for lint', () => ['lint'], /at least one file or folder/],
  ])('refuses %s with one line and exit 2', async (_name, args, message) => {
    const out = await run(...args());
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses a 50 MB file before reading it', async () => {
    const big = path.join(dir, 'big.md');
    const fd = fs.openSync(big, 'w');
    fs.ftruncateSync(fd, 50 * 1024 * 1024);
    fs.closeSync(fd);
    const out = await run('import', big);
    expect(out).toMatchObject({ code: 2, stderr: expect.stringMatching(/50\.0 MB; the limit is 8 MB/) });
  });
});

describe('the built postmortem command', () => {
  beforeAll(() => {
    const build = spawnSync('npx', ['vite', 'build', '--config', 'cli/vite.config.ts'], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`CLI build failed: ${build.stderr}`);
  }, 60_000);

  it('runs under plain Node with real exit codes', () => {
    const ok = spawnSync(process.execPath, ['cli/postmortem.mjs', 'export', path.join(dir, 'doc.json')], {
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('# Postmortem: Checkout API returned 500s for 42 minutes');
    const missing = spawnSync(process.execPath, ['cli/postmortem.mjs', 'validate', path.join(dir, 'missing.json')], {
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('lints a folder, for CI: exit 1 on findings, 0 when clean, 2 when a file cannot be read', () => {
    const docs = fs.mkdtempSync(path.join(dir, 'docs-'));
    fs.writeFileSync(path.join(docs, 'pm.md'), exportPostmortem(fullPostmortem()));
    const lint = () => spawnSync(process.execPath, ['cli/postmortem.mjs', 'lint', docs], { encoding: 'utf8' });
    expect(lint()).toMatchObject({ status: 0, stdout: `${path.join(docs, 'pm.md')}: clean\n` });
    fs.writeFileSync(path.join(docs, 'retro.md'), 'The engineer forgot to check the canary.\n');
    expect(lint()).toMatchObject({ status: 1, stdout: expect.stringMatching(/retro\.md: \d+ findings?\n$/) });
    fs.writeFileSync(path.join(docs, 'broken.md'), Buffer.from([0xff, 0xfe, 0]));
    expect(lint()).toMatchObject({ status: 2, stderr: expect.stringMatching(/broken\.md looks like a binary file/) });
  });

  it('lints standard input', () => {
    const out = spawnSync(process.execPath, ['cli/postmortem.mjs', 'lint', '-'], {
      input: 'Action: improve monitoring\n',
      encoding: 'utf8',
    });
    expect(out.status).toBe(1);
    expect(out.stdout).toContain('<stdin>:1:9');
  });
});
