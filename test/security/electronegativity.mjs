// Second net for Electron security: @doyensec/electronegativity over the main process,
// the page and the built preload. The unit tests in test/unit/electron/ are the proof;
// this catches patterns nobody thought to test. Every finding above informational fails
// unless electronegativity-exceptions.json accepts it (rule + file) with a reason.
//
// Usage: node test/security/electronegativity.mjs [--json <counts.json>]
// Needs `npx electron-vite build` first (npm test and `npm run test:security` do it).
//
// Why not the CLI and its SARIF: with `-o` the CLI drops parse errors (a file it cannot
// parse is silently unchecked) and reports no check count, and its SARIF level only says
// "review required" (note) or not (warning), not severity. So this calls the package's
// runner (its "main" export), fails on parse errors, and writes its own SARIF with the
// severity, confidence and accepted exceptions (as SARIF suppressions).
import fs from 'node:fs';
import { createRequire, Module } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { runnerImport } from 'vite';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const outDir = path.join(root, '.test-output');
// Outside the repo, so lint, typecheck and vitest never pick up the copies.
const stageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
const sarifPath = path.join(outDir, 'electronegativity.sarif');
const exceptionsPath = path.join(import.meta.dirname, 'electronegativity-exceptions.json');
const jsonFlag = process.argv.indexOf('--json');
const countsPath = jsonFlag > 0 ? process.argv[jsonFlag + 1] : process.env['SECURITY_JSON_OUTPUT_NAME'];

/**
 * Checks left out, with why. This one fetches Electron's release list from GitHub on
 * every run (there is no network here, and where there is, its answer changes with each
 * Electron release, so the same commit could pass today and fail tomorrow).
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** Checks this net exists for; if a future version or a config change drops one, fail. */
const REQUIRED_CHECKS = [
  'ContextIsolationJSCheck',
  'SandboxJSCheck',
  'NodeIntegrationJSCheck',
  'NodeIntegrationHTMLCheck',
  'WebSecurityJSCheck',
  'InsecureContentJSCheck',
  'CSPJSCheck',
  'CSPHTMLCheck',
  'CSPGlobalCheck',
  'PermissionRequestHandlerJSCheck',
  'PermissionRequestHandlerGlobalCheck',
  'OpenExternalJSCheck',
  'LimitNavigationJSCheck',
  'LimitNavigationGlobalCheck',
  'DangerousFunctionsJSCheck',
];

const SECURITY_OPTIONS_FILE = 'electron/security.ts';
const GENERATED_OPTIONS = 'generated/mainWindowOptions.js';

// ---- What is scanned ---------------------------------------------------------------

/** Files copied into a staging tree (tool path -> repo path), so one run sees them all
 * and the global checks (CSP, navigation, permissions) judge the app as a whole. */
function stageInputs() {
  const staged = new Map();
  const stage = (repoPath, toolPath = repoPath) => {
    const target = path.join(stageDir, toolPath);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(root, repoPath), target);
    staged.set(toolPath, repoPath);
  };
  const sources = (dir, pattern) =>
    fs
      .readdirSync(path.join(root, dir), { recursive: true })
      .map((name) => path.posix.join(dir, String(name).split(path.sep).join('/')))
      .filter((name) => pattern.test(name))
      .sort();

  // Main process and preload source: window options, navigation, permissions, IPC.
  for (const file of sources('electron', /\.ts$/)) stage(file);
  // The page: its source (the built bundle includes syntax the tool cannot parse).
  stage('renderer/index.html');
  for (const file of sources('renderer/src', /\.tsx?$/)) stage(file);
  // What ships: the bundled sandboxed preload (the tool reads .js, not .cjs) and the built
  // page, whose <meta> CSP is the one literal CSP string the tool can evaluate. The built
  // main bundle is left out: bundled dependencies use class private fields, which the
  // tool's parser rejects, so electron/ is scanned as source instead.
  const built = ['out/preload/index.cjs', 'out/renderer/index.html'];
  const missing = built.filter((file) => !fs.existsSync(path.join(root, file)));
  if (missing.length > 0) {
    throw new Error(`${missing.join(', ')} missing: run \`npx electron-vite build\` first.`);
  }
  stage('out/preload/index.cjs', 'out/preload/index.cjs.js');
  stage('out/renderer/index.html');
  // Scripts and config flags (ELECTRON_DISABLE_SECURITY_WARNINGS, --inspect and the like).
  stage('package.json');
  return staged;
}

/**
 * main.ts builds its window from mainWindowOptions(), which the tool cannot follow (it
 * reads only an object literal passed to `new BrowserWindow`). So evaluate the function
 * and write its result out as that literal: the webPreferences checks then judge the
 * options the app really uses. Returns a map from generated line to option name.
 */
async function stageWindowOptions(staged) {
  const { module } = await runnerImport(path.join(root, SECURITY_OPTIONS_FILE), {
    configFile: false,
    logLevel: 'silent',
  });
  if (typeof module.mainWindowOptions !== 'function') {
    throw new Error(`${SECURITY_OPTIONS_FILE} no longer exports mainWindowOptions(): update ${GENERATED_OPTIONS}.`);
  }
  const options = module.mainWindowOptions('/app/out/preload/index.cjs', { width: 1280, height: 800 }, false);
  const header = [
    `// Generated by test/security/electronegativity.mjs from mainWindowOptions() in ${SECURITY_OPTIONS_FILE}.`,
    "const { BrowserWindow } = require('electron');",
  ];
  const literal = JSON.stringify(options, null, 2).split('\n');
  const code = [...header, `new BrowserWindow(${literal[0]}`, ...literal.slice(1, -1), `${literal.at(-1)});`, ''];
  const target = path.join(stageDir, GENERATED_OPTIONS);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, code.join('\n'));
  staged.set(GENERATED_OPTIONS, SECURITY_OPTIONS_FILE);
  const optionAtLine = new Map();
  code.forEach((line, index) => {
    const key = /^\s*"(\w+)":/.exec(line)?.[1];
    if (key) optionAtLine.set(index + 1, key);
  });
  return optionAtLine;
}

/** The line in security.ts that sets an option, or the line of mainWindowOptions() itself. */
function securityOptionLine(option) {
  const lines = fs.readFileSync(path.join(root, SECURITY_OPTIONS_FILE), 'utf8').split('\n');
  const find = (re) => lines.findIndex((line) => re.test(line)) + 1;
  return (option && find(new RegExp(`^\\s*${option}\\s*:`))) || find(/function mainWindowOptions\b/) || 1;
}

// ---- Running the tool -----------------------------------------------------------------

/**
 * The tool fetches translations from S3 on start (three tries, about 4 s offline). Load
 * its bundled English messages instead, so a run is offline, quick and always English.
 */
function useBundledMessages() {
  const toolRequire = createRequire(require.resolve('@doyensec/electronegativity'));
  const filename = toolRequire.resolve('./locales/i18n.js');
  const i18n = toolRequire('i18n');
  const setup = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: path.dirname(filename),
      updateFiles: false,
      objectNotation: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  };
  const stub = new Module(filename);
  Object.assign(stub, { filename, loaded: true, exports: Object.assign(setup, { default: setup, __esModule: true }) });
  require.cache[filename] = stub;
}

async function runElectronegativity(electronVersion) {
  useBundledMessages();
  const run = require('@doyensec/electronegativity');
  const chatter = [];
  const { log, warn } = console;
  console.log = console.warn = (...args) => chatter.push(args.join(' '));
  try {
    const result = await run(
      {
        input: stageDir,
        isRelative: true,
        electronVersionOverride: electronVersion,
        customScan: [],
        excludeFromScan: EXCLUDED_CHECKS.map((name) => name.toLowerCase()),
        parserPlugins: [],
      },
      false,
    );
    // The same lists the runner built, to name the checks that ran.
    const { Finder, GlobalChecks } = require('@doyensec/electronegativity/dist/finder');
    const excluded = EXCLUDED_CHECKS.map((name) => name.toLowerCase());
    const names = [
      ...new GlobalChecks([], excluded, undefined)._enabled_checks,
      ...(
        await new Finder(
          [],
          excluded.filter((name) => !name.includes('globalcheck')),
          undefined,
        )
      )._enabled_checks,
    ].map((check) => check.name);
    return { ...result, names, chatter };
  } finally {
    console.log = log;
    console.warn = warn;
  }
}

// ---- Judging ----------------------------------------------------------------------

/**
 * Each entry accepts `count` findings (default 1) of `rule` in `file`, whatever their line.
 * `message` (the start of the finding's text) is for rules that report different things
 * under one id: CSP_GLOBAL_CHECK says "seems to be vulnerable" and "are vulnerable".
 */
function loadExceptions() {
  const { accepted } = JSON.parse(fs.readFileSync(exceptionsPath, 'utf8'));
  const problems = [];
  for (const [index, entry] of accepted.entries()) {
    if (typeof entry.rule !== 'string' || typeof entry.file !== 'string') {
      problems.push(`exception #${index + 1} needs "rule" and "file"`);
    }
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20) {
      problems.push(`exception #${index + 1} (${entry.rule} in ${entry.file}) needs a written reason`);
    }
    entry.count ??= 1;
    entry.used = 0;
  }
  return { accepted, problems };
}

/**
 * Informational means the tool rates it INFORMATIONAL and asks only for review (its
 * SARIF "note"), e.g. "electron is a devDependency". Severity alone is not enough: the
 * tool rates an explicit `nodeIntegration: true` as INFORMATIONAL too (SARIF "warning").
 */
const isInformational = (issue) => issue.severity.name === 'INFORMATIONAL' && issue.manualReview;

function toFinding(issue, staged, optionAtLine) {
  const toolFile = issue.file.split(path.sep).join('/');
  let file = staged.get(toolFile) ?? toolFile;
  let line = issue.location?.line ?? 0;
  let note = '';
  if (toolFile === GENERATED_OPTIONS) {
    const option = optionAtLine.get(line);
    line = securityOptionLine(option);
    note = ` (in the evaluated mainWindowOptions()${option ? `, ${option}` : ''})`;
  }
  if (file === 'N/A') file = '(whole app)';
  return {
    rule: issue.id,
    file,
    line,
    column: (issue.location?.column ?? 0) + 1,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    reviewRequired: Boolean(issue.manualReview),
    informational: isInformational(issue),
    description: `${issue.description}${note}`,
    helpUri: issue.shortenedURL,
  };
}

function writeSarif(findings, toolErrors, version) {
  const rules = [...new Set(findings.map((f) => f.rule))].map((id) => ({
    id,
    helpUri: `https://github.com/doyensec/electronegativity/wiki/${id}`,
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Electronegativity',
            version,
            informationUri: 'https://github.com/doyensec/electronegativity',
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: toolErrors.length === 0,
            toolExecutionNotifications: toolErrors.map((e) => ({ level: 'error', message: { text: e } })),
          },
        ],
        results: findings.map((f) => ({
          ruleId: f.rule,
          level: f.informational ? 'note' : f.severity === 'HIGH' ? 'error' : 'warning',
          message: { text: f.description },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file === '(whole app)' ? '.' : f.file },
                region: { startLine: Math.max(1, f.line), startColumn: f.column },
              },
            },
          ],
          properties: { severity: f.severity, confidence: f.confidence, reviewRequired: f.reviewRequired },
          ...(f.accepted ? { suppressions: [{ kind: 'external', status: 'accepted', justification: f.reason }] } : {}),
        })),
      },
    ],
  };
  fs.writeFileSync(sarifPath, `${JSON.stringify(sarif, null, 2)}\n`);
}

function recordReliability(count) {
  const dir = process.env['RELIABILITY_DIR'];
  if (!dir || count <= 0) return;
  fs.mkdirSync(dir, { recursive: true });
  const line = { metric: 'security-checks', count, what: 'electronegativity checks' };
  fs.appendFileSync(path.join(dir, `${process.pid}.jsonl`), `${JSON.stringify(line)}\n`);
}

// ---- Main -------------------------------------------------------------------------

const started = Date.now();

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const electronVersion = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
  ).version;
  const toolVersion = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules/@doyensec/electronegativity/package.json'), 'utf8'),
  ).version;

  const problems = []; // failures that are not findings: unparsed files, bad config
  const staged = stageInputs();
  const optionAtLine = await stageWindowOptions(staged);

  // An inline `eng-disable` comment would hide a finding from this report altogether.
  for (const [toolPath, repoPath] of staged) {
    if (/eng-disable/.test(fs.readFileSync(path.join(stageDir, toolPath), 'utf8'))) {
      problems.push(`${repoPath} has an eng-disable comment: accept findings in ${path.basename(exceptionsPath)}`);
    }
  }

  const result = await runElectronegativity(electronVersion);
  for (const line of new Set(result.chatter)) console.log(`  (electronegativity: ${line.trim()})`);
  const checksRan = result.globalChecks + result.atomicChecks;
  if (result.names.length !== checksRan)
    problems.push(`expected ${result.names.length} checks, the runner ran ${checksRan}`);
  for (const name of REQUIRED_CHECKS) {
    if (!result.names.includes(name)) problems.push(`check ${name} did not run`);
  }
  const toolErrors = result.errors.map((e) => `${staged.get(path.relative(stageDir, e.file)) ?? e.file}: ${e.message}`);
  for (const [index, error] of result.errors.entries()) {
    if (!error.tolerable) problems.push(`could not parse ${toolErrors[index]} (nothing in it was checked)`);
  }

  const exceptions = loadExceptions();
  problems.push(...exceptions.problems);
  const findings = result.issues
    .map((issue) => toFinding(issue, staged, optionAtLine))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
  for (const finding of findings) {
    if (finding.informational) continue;
    const exception = exceptions.accepted.find(
      (e) =>
        e.rule === finding.rule &&
        e.file === finding.file &&
        (e.message === undefined || finding.description.startsWith(e.message)) &&
        e.used < e.count,
    );
    if (exception) {
      exception.used += 1;
      finding.accepted = true;
      finding.reason = exception.reason;
    }
  }
  for (const e of exceptions.accepted) {
    if (e.used === 0) problems.push(`stale exception: ${e.rule} in ${e.file} no longer matches a finding; remove it`);
  }

  console.log(
    `electronegativity ${toolVersion}, Electron ${electronVersion}, ${staged.size} files, ${checksRan} checks`,
  );
  for (const f of findings) {
    const verdict = f.informational ? 'info    ' : f.accepted ? 'accepted' : 'FAIL    ';
    const level = `${f.severity}/${f.confidence}${f.reviewRequired ? ', review' : ''}`;
    console.log(`  ${verdict} ${f.rule} ${f.file}:${f.line} ${level}: ${f.description}`);
  }
  for (const error of result.errors.filter((e) => e.tolerable)) {
    console.log(`  warning  ${staged.get(path.relative(stageDir, error.file)) ?? error.file}: ${error.message}`);
  }
  for (const problem of problems) console.log(`  FAIL     ${problem}`);

  const gating = findings.filter((f) => !f.informational);
  const accepted = gating.filter((f) => f.accepted).length;
  const unaccepted = gating.length - accepted;
  const failedRules = new Set(gating.filter((f) => !f.accepted).map((f) => f.rule)).size;
  const counts = {
    passed: Math.max(0, checksRan - failedRules),
    failed: failedRules + problems.length,
    skipped: EXCLUDED_CHECKS.length,
  };
  writeSarif(findings, toolErrors, toolVersion);
  if (countsPath) fs.writeFileSync(countsPath, `${JSON.stringify(counts)}\n`);
  recordReliability(counts.passed);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `electronegativity: ${checksRan} checks ran, ${gating.length} findings, ${accepted} accepted, ` +
      `${unaccepted} unaccepted, ${findings.length - gating.length} informational` +
      `${problems.length ? `, ${problems.length} other failures` : ''} (${seconds} s; SARIF in ${path.relative(root, sarifPath)})`,
  );
  return counts.failed === 0;
}

try {
  const passed = await main();
  fs.rmSync(stageDir, { recursive: true, force: true });
  process.exit(passed ? 0 : 1);
} catch (error) {
  fs.rmSync(stageDir, { recursive: true, force: true });
  // Could not scan at all (no build, security.ts changed shape, the tool broke): a failure.
  console.log(`electronegativity: FAIL ${error instanceof Error ? error.message : String(error)}`);
  if (countsPath) fs.writeFileSync(countsPath, `${JSON.stringify({ passed: 0, failed: 1, skipped: 0 })}\n`);
  process.exit(1);
}
