/**
 * The `postmortem` command: export, import, lint and validate postmortems from a
 * terminal or CI. A thin shell over shared/: it reads files, calls the same functions
 * the app uses, and turns every failure into one line and an exit code
 * (0 ok, 1 findings or an invalid document, 2 bad usage or unreadable input).
 */
import { join as joinPath } from 'node:path';
import { parseArgs } from 'node:util';
import { exportPostmortem } from '../shared/markdown/export';
import { exportIncidentReport } from '../shared/markdown/incidentReport';
import { importPostmortem, type ImportWarning } from '../shared/markdown/importTemplate';
import { migrateDocument } from '../shared/migrations';
import type { Postmortem } from '../shared/model';
import { formatFinding, lintMarkdown, lintText, type Finding } from '../shared/lint';
import type { PhrasingOptions } from '../shared/phrasing';
import { lintOptionsFrom, parsePromptSettingsFile } from '../shared/promptSettings';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<string>;
  /** Names of the files directly in a folder, or null when the path is not a folder. */
  listFolder: (path: string) => Promise<string[] | null>;
  readStdin: () => Promise<string>;
  writeFile: (path: string, content: string) => Promise<void>;
  now: () => Date;
}

export class UsageError extends Error {}
/** An input that cannot be read or is not what the command needs: exit 2. */
export class InputError extends Error {}

export const USAGE = `Usage: postmortem <command> [options]

Commands:
  export <doc.json|doc.md> [--format postmortem|incident-report] [-o out.md]
      Write the postmortem as markdown (stdout unless -o).
  import <file.md> [-o doc.json]
      Read a markdown postmortem into the app's JSON format (stdout unless -o);
      what could not be mapped is reported on stderr.
  lint <file|folder...|-> [--json] [--settings phrasing-settings.json]
      Check text or markdown for blameful phrasing (with reframes) and for action
      items that will be forgotten (no owner, no due date, no success criteria,
      vague wording, not tracked). --settings applies a team's phrasing settings
      exported from the app. Exit 1 when there are findings, 0 when clean.
      A folder lints each .md file directly in it (not its subfolders), with a
      line per file after its findings; a file it cannot read is reported, the
      others are still linted, and the exit code is 2.
  validate <doc.json>
      Check a postmortem JSON file against the schema, with readable errors.

Exit codes: 0 ok, 1 findings or invalid document, 2 bad usage or unreadable input.`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`postmortem: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`postmortem: ${error.message}\n`);
      return 2;
    }
    io.stderr(`postmortem: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  switch (command) {
    case 'export':
      return exportCommand(rest, io);
    case 'import':
      return importCommand(rest, io);
    case 'lint':
      return lintCommand(rest, io);
    case 'validate':
      return validateCommand(rest, io);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function options<T extends Record<string, { type: 'string' | 'boolean'; short?: string }>>(args: string[], spec: T) {
  try {
    return parseArgs({ args, options: spec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? (error.message.split('\n')[0] ?? 'bad options') : 'bad options');
  }
}

function onePath(positionals: string[], what: string): string {
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError(`expected exactly one ${what}`);
  return positionals[0];
}

async function loadDocument(path: string, io: CliIo): Promise<{ doc: Postmortem; warnings: string[] }> {
  const content = await io.readFile(path);
  if (/\.json$/i.test(path)) return { doc: parseDocumentJson(content, path), warnings: [] };
  const result = importPostmortem(content, { id: 'imported', now: io.now().toISOString() });
  return {
    doc: result.doc,
    warnings: warningLines(path, result.warnings),
  };
}

/** JSON text, or an input error that says which file is not JSON and why. */
function readJson(content: string, path: string): unknown {
  try {
    return JSON.parse(content);
  } catch (error) {
    // V8's message quotes the start of the input, line breaks included: keep the error on one line.
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 200);
    throw new InputError(`${path} is not valid JSON (${reason})`);
  }
}

function parseDocumentJson(content: string, path: string): Postmortem {
  const migrated = migrateDocument(readJson(content, path));
  if (!migrated.ok) throw new InputError(`${path}: ${migrated.error}`);
  return migrated.value;
}

/** "file:line: message", as the import reports what it could not map. */
function warningLines(path: string, warnings: readonly ImportWarning[]): string[] {
  return warnings.map((w) => `${path}${w.line ? `:${w.line}` : ''}: ${w.message}`);
}

async function output(io: CliIo, target: string | undefined, content: string): Promise<void> {
  if (target) await io.writeFile(target, content);
  else io.stdout(content);
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = options(args, { format: { type: 'string' }, output: { type: 'string', short: 'o' } });
  const format = values.format ?? 'postmortem';
  if (format !== 'postmortem' && format !== 'incident-report')
    throw new UsageError(`--format must be postmortem or incident-report, not "${format}"`);
  const { doc, warnings } = await loadDocument(onePath(positionals, 'document (.json or .md)'), io);
  for (const warning of warnings) io.stderr(`${warning}\n`);
  await output(io, values.output, format === 'postmortem' ? exportPostmortem(doc) : exportIncidentReport(doc));
  return 0;
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = options(args, { output: { type: 'string', short: 'o' } });
  const path = onePath(positionals, 'markdown file');
  const result = importPostmortem(await io.readFile(path), { id: randomId(io), now: io.now().toISOString() });
  for (const warning of warningLines(path, result.warnings)) io.stderr(`${warning}\n`);
  await output(io, values.output, `${JSON.stringify(result.doc, null, 2)}\n`);
  return 0;
}

async function lintCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = options(args, { json: { type: 'boolean' }, settings: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError('name at least one file or folder, or - for standard input');
  let phrasing: PhrasingOptions = {};
  if (values.settings !== undefined) {
    const parsed = parsePromptSettingsFile(await io.readFile(values.settings));
    if (!parsed.ok) throw new InputError(`${values.settings}: ${parsed.error}`);
    phrasing = lintOptionsFrom(parsed.value);
  }
  const linted: LintedFile[] = [];
  let unreadable = false;
  for (const arg of positionals) {
    const inFolder = arg === '-' ? null : await io.listFolder(arg);
    if (inFolder === null) {
      const content = arg === '-' ? await io.readStdin() : await io.readFile(arg);
      linted.push({
        name: arg === '-' ? '<stdin>' : arg,
        findings: lintInput(arg, content, phrasing),
        inFolder: false,
      });
      continue;
    }
    const names = markdownFilesIn(inFolder);
    if (names.length === 0) {
      io.stderr(`postmortem: ${arg} holds no .md files (subfolders are not searched)\n`);
      unreadable = true;
    }
    // One unreadable file must not hide what the others say: report it and go on.
    for (const name of names) {
      const path = joinPath(arg, name);
      try {
        linted.push({ name: path, findings: lintMarkdown(path, await io.readFile(path), phrasing), inFolder: true });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        io.stderr(`postmortem: ${error.message}\n`);
        unreadable = true;
      }
    }
  }
  const findings = linted.flatMap((file) => file.findings);
  if (values.json) io.stdout(`${JSON.stringify(findings, null, 2)}\n`);
  else
    for (const file of linted) {
      for (const finding of file.findings) io.stdout(`${formatFinding(finding)}\n`);
      if (file.inFolder) io.stdout(`${summaryLine(file)}\n`);
    }
  return unreadable ? 2 : findings.length > 0 ? 1 : 0;
}

interface LintedFile {
  name: string;
  findings: Finding[];
  /** Found in a folder: gets a summary line, since nobody named it. */
  inFolder: boolean;
}

function lintInput(path: string, content: string, phrasing: PhrasingOptions): Finding[] {
  const name = path === '-' ? '<stdin>' : path;
  if (/\.json$/i.test(path)) return lintMarkdown(name, exportPostmortem(parseDocumentJson(content, path)), phrasing);
  if (/\.(md|markdown)$/i.test(path) || (path === '-' && /^#\s|\n\|/.test(content)))
    return lintMarkdown(name, content, phrasing);
  return lintText(name, content, phrasing);
}

/**
 * The markdown files a folder lint reads, in name order: *.md and *.markdown directly
 * in the folder. Hidden files are skipped (editor lock files such as ".#draft.md").
 */
function markdownFilesIn(names: readonly string[]): string[] {
  return names.filter((name) => /\.(md|markdown)$/i.test(name) && !name.startsWith('.')).sort();
}

/** "docs/2026-03-18-checkout.md: 3 findings", or ": clean". */
function summaryLine(file: LintedFile): string {
  const count = file.findings.length;
  return `${file.name}: ${count === 0 ? 'clean' : `${count} finding${count === 1 ? '' : 's'}`}`;
}

async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = options(args, {});
  const path = onePath(positionals, 'postmortem JSON file');
  const migrated = migrateDocument(readJson(await io.readFile(path), path));
  if (!migrated.ok) {
    io.stdout(`${path}: invalid. ${migrated.error}\n`);
    return 1;
  }
  io.stdout(
    `${path}: valid postmortem "${migrated.value.title || 'Untitled'}" (format ${migrated.value.schemaVersion})\n`,
  );
  return 0;
}

function randomId(io: CliIo): string {
  return `pm-${io.now().getTime().toString(36)}`;
}
