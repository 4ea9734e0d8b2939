// `npm test`: every check in CI order (lint, format, typecheck, unit, build, security
// scan, E2E in Chromium, Electron), a summary, and a closing line "N passed, N failed,
// N skipped". Lint, format, typecheck and build count as one check each; suites count
// their tests (the security scan counts electronegativity's checks).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const outDir = path.resolve('.test-output');
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });

// Tests that gather evidence (kills survived, corrupt files recovered, hostile inputs,
// security checks) append it here; the summary adds it up (test/reliability.ts).
const reliabilityDir = path.join(outDir, 'reliability');
process.env.RELIABILITY_DIR = reliabilityDir;

const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = [];

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

function check(name, command, args) {
  const { ok, seconds } = run(name, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  rows.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)`);
}

function suite(name, command, args, jsonFile, read) {
  const { ok, seconds } = run(name, command, args, { PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile });
  let counts = { passed: 0, failed: ok ? 0 : 1, skipped: 0 };
  if (fs.existsSync(jsonFile)) counts = read(JSON.parse(fs.readFileSync(jsonFile, 'utf8')));
  if (!ok && counts.failed === 0) counts.failed = 1; // the runner itself failed
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  rows.push(
    `${counts.failed === 0 ? 'ok  ' : 'FAIL'} ${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s)`,
  );
}

const fromVitest = (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests,
  skipped: r.numPendingTests + r.numTodoTests,
});
const fromPlaywright = (r) => ({
  passed: r.stats.expected + r.stats.flaky,
  failed: r.stats.unexpected,
  skipped: r.stats.skipped,
});
/** Suites that write plain `{ passed, failed, skipped }` (test/security/). */
const fromCounts = (r) => ({ passed: r.passed, failed: r.failed, skipped: r.skipped });

check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
check('format', 'npx', ['prettier', '--check', '.']);
check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
const unitJson = path.join(outDir, 'unit.json');
suite(
  'unit',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`],
  unitJson,
  fromVitest,
);
check('build', 'npx', ['electron-vite', 'build', '--logLevel', 'warn']);
// Scans the source and the build just made (out/), so it runs after the build.
const securityJson = path.join(outDir, 'security.json');
suite(
  'security (electronegativity)',
  'node',
  ['test/security/electronegativity.mjs', '--json', securityJson],
  securityJson,
  fromCounts,
);
suite(
  'e2e (Chromium)',
  'npx',
  ['playwright', 'test', '--config', 'test/e2e/playwright.config.ts'],
  path.join(outDir, 'e2e.json'),
  fromPlaywright,
);
suite('electron', 'node', ['test/electron/run.mjs'], path.join(outDir, 'electron.json'), fromPlaywright);

/** The evidence counters, summed by metric (empty when those tests did not run). */
function reliability() {
  const sums = {};
  if (!fs.existsSync(reliabilityDir)) return sums;
  for (const file of fs.readdirSync(reliabilityDir)) {
    for (const line of fs.readFileSync(path.join(reliabilityDir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { metric, count } = JSON.parse(line);
      sums[metric] = (sums[metric] ?? 0) + count;
    }
  }
  return sums;
}

console.log('\n=== Summary');
for (const row of rows) console.log(row);
const evidence = reliability();
console.log(
  `reliability: ${evidence['kills-survived'] ?? 0} kills during save survived, ` +
    `${evidence['corrupt-recovered'] ?? 0} corrupt files recovered, ` +
    `${evidence['hostile-inputs'] ?? 0} hostile inputs tried, ` +
    `${evidence['security-checks'] ?? 0} security checks passed`,
);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
