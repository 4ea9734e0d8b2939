/**
 * Markdown import: parses with the same mdast/GFM stack as the exporter and maps the
 * template back to the model. It tolerates the usual variants of real postmortems
 * (front matter titles, other heading names and levels, bold-label fields, tables with
 * extra columns, bullet timelines) and keeps whatever it cannot map as extra sections,
 * reporting each one. It never throws on any input.
 */
import { MAX_IMPORT_BYTES } from '../api';
import type { List, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { createPostmortem } from '../documents';
import { MAX_FIELD_LENGTH, PRIORITIES, STATUSES, isRealDate, postmortemSchema, type Postmortem } from '../model';
import { describeIssues } from '../validation';
import { NOTHING_RECORDED } from './export';
import { plainText, serialize } from './mdast';
import { parseDocument } from './parseDocument';
import { readTitleHeading } from './titleHeading';
import { readActionItems, readFactors, readLabelledTimeline, readTimeline } from './importSections';
import { readWhys } from './importWhys';

export interface ImportWarning {
  line: number | null;
  message: string;
}

export interface ImportResult {
  doc: Postmortem;
  warnings: ImportWarning[];
}

/** Work context shared by the section readers. */
export interface ImportContext {
  doc: Postmortem;
  warnings: ImportWarning[];
  /** Nodes a reader could not use; kept under the section's heading. */
  leftovers: RootContent[];
  nextId: (prefix: string) => string;
}

type SectionKind =
  | 'header'
  | 'impact'
  | 'timeline'
  | 'rca'
  | 'factors'
  | 'whys'
  | 'well'
  | 'poorly'
  | 'actions'
  | 'lessons'
  | 'header-field';

const SECTION_NAMES: [RegExp, SectionKind][] = [
  [/^impact( summary)?$/, 'impact'],
  [/^(timeline|incident timeline|timeline of events|chronology)( \([^)]*\))?$/, 'timeline'],
  [/^root cause analysis$/, 'rca'],
  [/^(contributing factors|root causes?|causes)$/, 'factors'],
  [/^(five whys|5 whys|the five whys)$/, 'whys'],
  [/^what went well$/, 'well'],
  [/^(what went poorly|what went wrong|what didn'?t go well|what could have gone better)$/, 'poorly'],
  [
    /^(action items|corrective actions|follow[- ]?ups?|remediation( items)?|next steps|action items? and follow[- ]?ups?)$/,
    'actions',
  ],
  [/^lessons learned$/, 'lessons'],
  [/^(date|authors?|status|severity|incident commander)$/, 'header-field'],
];

/** Markdown larger than this is refused before parsing, so memory and time stay bounded. */
export const MAX_IMPORT_CHARS = MAX_IMPORT_BYTES;

/**
 * Shapes that no postmortem has and that make the parser slow down sharply or overflow
 * its stack: quotes or lists nested 64 deep, indentation that deep, or hundreds of
 * emphasis markers in a row. Such files are kept as text, unmapped. A list marker is
 * one only before a space, a tab or the end of the line, so a rule drawn with 80 dashes
 * (or a setext underline) is not 80 levels of nesting.
 */
const PATHOLOGICAL = /^(?:[ \t]*(?:>|(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$))[ \t]*){64,}|^[ \t]{128,}\S|[*_]{128,}/gm;
/** A thematic break (`- - -`, `***`, `___`), which nests nothing however long it is. */
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

function isPathological(markdown: string): boolean {
  PATHOLOGICAL.lastIndex = 0;
  for (let m = PATHOLOGICAL.exec(markdown); m; m = PATHOLOGICAL.exec(markdown)) {
    const start = markdown.lastIndexOf('\n', m.index) + 1;
    const end = markdown.indexOf('\n', m.index);
    if (!THEMATIC_BREAK.test(markdown.slice(start, end < 0 ? undefined : end))) return true;
    // Go on after this line: a rule cannot hide a deep nesting on the same line.
    if (end < 0) return false;
    PATHOLOGICAL.lastIndex = end;
  }
  return false;
}

export function importPostmortem(markdown: string, options: { id: string; now: string }): ImportResult {
  const warnings: ImportWarning[] = [];
  let counter = 0;
  const context: ImportContext = {
    doc: createPostmortem(options.id, options.now),
    warnings,
    leftovers: [],
    nextId: (prefix) => `${prefix}${(counter += 1)}`,
  };
  if (markdown.length > MAX_IMPORT_CHARS) {
    warnings.push({
      line: null,
      message: `The file is larger than ${MAX_IMPORT_CHARS / 1024 / 1024} MB, so it was not imported.`,
    });
    return { doc: context.doc, warnings };
  }
  if (isPathological(markdown)) {
    // Nesting this deep is no postmortem, and parsers slow down (or overflow) on it.
    context.doc.extraSections.push({ heading: 'Imported text', markdown: markdown.slice(0, 200_000) });
    warnings.push({
      line: null,
      message:
        'The file nests quotes or lists too deeply (or repeats emphasis markers hundreds of times) for a postmortem; its text was kept as one section, unmapped.',
    });
    return { doc: finalize(context), warnings };
  }
  let tree;
  try {
    tree = parseDocument(frontMatterFirst(markdown));
  } catch (error) {
    // Pathological nesting can exhaust the parser's stack: keep the text rather than fail.
    context.doc.extraSections.push({ heading: 'Imported text', markdown: markdown.slice(0, 200_000) });
    warnings.push({
      line: null,
      message: `The markdown could not be parsed (${String(error).slice(0, 80)}); its text was kept as one section.`,
    });
    return { doc: context.doc, warnings };
  }
  try {
    mapDocument(tree.children, context);
  } catch (error) {
    warnings.push({ line: null, message: `Part of the file could not be mapped (${String(error).slice(0, 80)}).` });
  }
  return { doc: finalize(context), warnings };
}

/**
 * Front matter is only recognised at the very start of a file; files that open with an
 * HTML comment (a source note, a licence) get the comment moved after it.
 */
function frontMatterFirst(markdown: string): string {
  const m = /^((?:\s*<!--[\s\S]*?-->[^\S\n]*\n)+)((---|\+\+\+)\n[\s\S]*?\n\3[^\S\n]*(\n|$))/.exec(markdown);
  return m ? `${m[2]}${m[1]}${markdown.slice(m[0].length)}` : markdown;
}

function mapDocument(nodes: RootContent[], context: ImportContext): void {
  let kind: SectionKind | 'preamble' | 'unknown' = 'preamble';
  let heading = '';
  let headingLine: number | null = null;
  let body: RootContent[] = [];
  let titleFound = false;
  const flush = () => {
    mapSection(kind, heading, headingLine, body, context);
    body = [];
  };
  for (const node of nodes) {
    // Front matter (YAML ---, TOML +++); mdast's types name only YAML.
    const front = node as { type: string; value?: unknown };
    if ((front.type === 'yaml' || front.type === 'toml') && typeof front.value === 'string') {
      readFrontMatter(front.value, context);
      continue;
    }
    if (node.type === 'heading') {
      const raw = plainText(node);
      const text = raw.trim();
      if (!titleFound && node.depth === 1) {
        flush();
        titleFound = true;
        // The heading names the kind of write-up before the title: "# Learning Review: ...".
        ({ kind: context.doc.kind, title: context.doc.title } = readTitleHeading(raw));
        kind = 'header';
        heading = '';
        continue;
      }
      const known = classify(text);
      // Sub-headings inside a section we map stay with it (e.g. "#### Path 2" in Five Whys).
      if (!known && node.depth > 2 && (kind === 'whys' || kind === 'timeline' || kind === 'actions')) {
        body.push(node);
        continue;
      }
      flush();
      kind = known ?? 'unknown';
      heading = text;
      headingLine = line(node);
      if (kind === 'header-field') body.push(node);
      continue;
    }
    body.push(node);
  }
  flush();
}

function classify(text: string): SectionKind | null {
  const normalized = text
    .toLowerCase()
    .replace(/[*_`:]/g, '')
    .replace(/^\d+[.)]\s*/, '')
    .trim();
  return SECTION_NAMES.find(([pattern]) => pattern.test(normalized))?.[1] ?? null;
}

function mapSection(
  kind: SectionKind | 'preamble' | 'unknown',
  heading: string,
  headingLine: number | null,
  body: RootContent[],
  context: ImportContext,
): void {
  context.leftovers = [];
  const meaningful = body.filter(
    (n) => n.type !== 'thematicBreak' && !(n.type === 'html' && /^<!--[\s\S]*-->$/.test(n.value.trim())),
  );
  switch (kind) {
    case 'preamble':
    case 'header':
      for (const node of meaningful) {
        if (readFieldParagraph(node, context, HEADER_FIELDS)) continue;
        if (node.type === 'list' && readLabelledTimeline(node, context)) continue;
        context.leftovers.push(node);
      }
      break;
    case 'header-field':
      readHeaderSection(heading, meaningful.slice(1), context);
      break;
    case 'impact':
      for (const node of meaningful)
        if (!readFieldParagraph(node, context, IMPACT_FIELDS)) context.leftovers.push(node);
      break;
    case 'timeline':
      readTimeline(meaningful, context);
      break;
    case 'rca':
      context.leftovers.push(...meaningful);
      break;
    case 'factors':
      readFactors(meaningful, context);
      break;
    case 'whys':
      readWhys(meaningful, context);
      break;
    case 'well':
    case 'poorly':
      readList(meaningful, context, kind === 'well' ? 'wentWell' : 'wentPoorly');
      break;
    case 'lessons':
      readLessons(meaningful, context);
      break;
    case 'actions':
      readActionItems(meaningful, context);
      break;
    case 'unknown':
      context.leftovers.push(...meaningful);
      break;
  }
  if (context.leftovers.length > 0)
    keep(
      kind === 'preamble' || kind === 'header' ? 'Notes' : heading || 'Notes',
      context.leftovers,
      context,
      headingLine ?? line(context.leftovers[0]),
    );
}

/** Keeps unmapped content as an extra section (merged with one of the same heading) and says so. */
export function keep(heading: string, nodes: RootContent[], context: ImportContext, at: number | null): void {
  const markdown = serialize({ type: 'root', children: nodes }).trimEnd();
  if (markdown === '') return;
  const existing = context.doc.extraSections.find((s) => s.heading === heading);
  if (existing) existing.markdown = `${existing.markdown}\n\n${markdown}`;
  else context.doc.extraSections.push({ heading, markdown });
  context.warnings.push({
    line: at,
    message: `Kept "${heading}" as an extra section: it is not part of the template.`,
  });
}

export function line(node: Nodes | undefined): number | null {
  return node?.position?.start.line ?? null;
}

type FieldSetter = (value: string, context: ImportContext, node: Paragraph) => void;

const HEADER_FIELDS: Record<string, FieldSetter> = {
  date: (v, c) => setDate(v, c, 'incidentDate', 'Date'),
  'incident date': (v, c) => setDate(v, c, 'incidentDate', 'Date'),
  duration: () => {},
  severity: (v, c) => setSeverity(v, c),
  'incident commander': (v, c) => (c.doc.incidentCommander = v),
  ic: (v, c) => (c.doc.incidentCommander = v),
  authors: (v, c) => (c.doc.authors = v),
  author: (v, c) => (c.doc.authors = v),
  'review date': (v, c) => setDate(v, c, 'reviewDate', 'Review Date'),
  status: (v, c) => setStatus(v, c),
};

const IMPACT_FIELDS: Record<string, FieldSetter> = {
  'users affected': (v, c) => (c.doc.impact.usersAffected = v),
  'revenue impact': (v, c) => (c.doc.impact.revenueImpact = v),
  'slo target': (v, c) => {
    // `s`: a target may hold a line break (a paste can bring U+2028 into the input).
    const m = /^(.*?)\s+over\s+(\d{1,3})\s+days$/s.exec(v);
    const days = m ? Number(m[2]) : 30;
    c.doc.impact.sloTarget = m ? (m[1] ?? '') : v;
    if (days >= 1 && days <= 366) c.doc.impact.sloWindowDays = days;
  },
  'impact minutes': (v, c) => {
    const minutes = Number(v);
    if (Number.isFinite(minutes) && minutes >= 0) c.doc.impact.impactMinutesOverride = minutes;
  },
  'slo impact': () => {},
  'services affected': (v, c, node) => {
    const codes = node.children
      .filter((n) => n.type === 'inlineCode')
      .map((n) => (n.type === 'inlineCode' ? n.value : ''));
    c.doc.impact.servicesAffected =
      codes.length > 0
        ? codes
        : v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
  },
};

/**
 * `**Label:** value` paragraphs (several may share a paragraph, separated by line
 * breaks). Returns false when the paragraph is not made of known fields.
 */
function readFieldParagraph(node: RootContent, context: ImportContext, fields: Record<string, FieldSetter>): boolean {
  if (node.type !== 'paragraph') return false;
  // A field starts at a bold "Label:" that opens the paragraph or a line; a value may
  // itself run over several lines.
  const starts = node.children
    .map((child, i) => ({ child, i }))
    .filter(({ child, i }) => {
      if (child.type !== 'strong' || !/:\s*$/.test(plainText(child))) return false;
      const before = node.children[i - 1];
      return i === 0 || before?.type === 'break' || (before?.type === 'text' && before.value.endsWith('\n'));
    })
    .map(({ i }) => i);
  if (starts[0] !== 0) {
    const single = splitField(node.children);
    if (!single || !(single.label in fields)) return false;
    fields[single.label]?.(single.value, context, { type: 'paragraph', children: single.children });
    return true;
  }
  const groups = starts.map((start, k) => trimGroup(node.children.slice(start, starts[k + 1] ?? node.children.length)));
  const parsed = groups.map((g) => splitField(g));
  if (parsed.some((p) => p === null || !(p.label in fields))) return false;
  for (const p of parsed) if (p) fields[p.label]?.(p.value, context, { type: 'paragraph', children: p.children });
  return true;
}

/** Drops the line break (or trailing newline) that separates a field from the next one. */
function trimGroup(group: PhrasingContent[]): PhrasingContent[] {
  const last = group[group.length - 1];
  if (last?.type === 'break') return group.slice(0, -1);
  if (last?.type === 'text' && last.value.endsWith('\n'))
    return [...group.slice(0, -1), { type: 'text', value: last.value.slice(0, -1) }];
  return group;
}

function splitField(children: PhrasingContent[]): { label: string; value: string; children: PhrasingContent[] } | null {
  const [first, ...rest] = children;
  if (first?.type === 'strong') {
    const label = plainText(first).trim();
    if (!label.endsWith(':')) return null;
    const value = plainText({ type: 'paragraph', children: rest });
    return {
      label: label.slice(0, -1).trim().toLowerCase(),
      value: value.startsWith(' ') ? value.slice(1) : value,
      children: rest,
    };
  }
  const text = plainText({ type: 'paragraph', children });
  const m = /^([A-Za-z][A-Za-z ]{1,30}):\s+(.*)$/s.exec(text);
  return m ? { label: (m[1] ?? '').trim().toLowerCase(), value: m[2] ?? '', children } : null;
}

function setDate(value: string, context: ImportContext, key: 'incidentDate' | 'reviewDate', label: string): void {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  const european = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(value.trim());
  const date =
    m?.[1] ?? (european ? `${european[3]}-${european[2]?.padStart(2, '0')}-${european[1]?.padStart(2, '0')}` : '');
  if (isRealDate(date)) context.doc[key] = date;
  else if (value.trim() !== '')
    context.warnings.push({
      line: null,
      message: `${label} "${value.trim().slice(0, 40)}" is not a YYYY-MM-DD date; it was left empty.`,
    });
}

function setSeverity(value: string, context: ImportContext): void {
  const m = /^\s*sev(?:erity)?[\s-]*([1-4])\b/i.exec(value);
  if (m) context.doc.severity = `SEV-${m[1]}` as Postmortem['severity'];
  else if (value.trim() !== '')
    context.warnings.push({
      line: null,
      message: `Severity "${value.trim().slice(0, 40)}" is not SEV-1 to SEV-4; it was left as ${context.doc.severity}.`,
    });
}

function setStatus(value: string, context: ImportContext): void {
  const status = STATUSES.find((s) => s.toLowerCase() === value.trim().toLowerCase());
  if (status) context.doc.status = status;
  else if (value.trim() !== '')
    context.warnings.push({
      line: null,
      message: `Status "${value.trim().slice(0, 60)}" is not one of ${STATUSES.join(', ')}; it was left as Draft.`,
    });
}

/** `## Date` / `## Authors` / `## Status` sections whose body is the value (SRE-book style). */
function readHeaderSection(heading: string, body: RootContent[], context: ImportContext): void {
  const label = heading.toLowerCase().replace(/s$/, '');
  const value = body
    .map((n) => (n.type === 'list' ? n.children.map((item) => plainText(item).trim()).join(', ') : plainText(n).trim()))
    .filter(Boolean)
    .join(' ');
  const setter = HEADER_FIELDS[label] ?? HEADER_FIELDS[`${label}s`];
  if (setter) setter(value, context, { type: 'paragraph', children: [] });
  else context.leftovers.push(...body);
}

function readFrontMatter(value: string, context: ImportContext): void {
  for (const rawLine of value.split('\n')) {
    const m = /^\s*(title|date|authors?|status|severity)\s*[:=]\s*(.+?)\s*$/i.exec(rawLine);
    if (!m) continue;
    const key = (m[1] ?? '').toLowerCase();
    const v = (m[2] ?? '').replace(/^["']|["']$/g, '');
    if (key === 'title' && context.doc.title === '') context.doc.title = v;
    else if (key === 'date') setDate(v, context, 'incidentDate', 'Date');
    else if (key.startsWith('author')) context.doc.authors = v.replace(/^\[|\]$/g, '').replace(/["']/g, '');
    else if (key === 'severity') setSeverity(v, context);
  }
}

function readList(body: RootContent[], context: ImportContext, key: 'wentWell' | 'wentPoorly'): void {
  for (const node of body) {
    if (node.type === 'list') context.doc[key].push(...node.children.map((item) => itemText(item.children)));
    else if (
      node.type === 'paragraph' &&
      plainText(node).trim() === NOTHING_RECORDED &&
      node.children[0]?.type === 'emphasis'
    )
      continue;
    else context.leftovers.push(node);
  }
}

/** "Lessons Learned" with "What went well / wrong / lucky" sub-headings (SRE-book style). */
function readLessons(body: RootContent[], context: ImportContext): void {
  let target: 'wentWell' | 'wentPoorly' | null = null;
  for (const node of body) {
    const label =
      node.type === 'heading' ||
      (node.type === 'paragraph' && node.children.length === 1 && node.children[0]?.type === 'strong');
    if (label) {
      const kind = classify(plainText(node).replace(/\?$/, ''));
      target = kind === 'well' ? 'wentWell' : kind === 'poorly' ? 'wentPoorly' : null;
      if (!target) context.leftovers.push(node);
    } else if (target && node.type === 'list')
      context.doc[target].push(...node.children.map((item) => itemText(item.children)));
    else context.leftovers.push(node);
  }
}

/** The text of a list item: its paragraphs joined by blank lines, nested lists flattened. */
export function itemText(children: RootContent[]): string {
  return children
    .map((c) => (c.type === 'list' ? (c as List).children.map((i) => itemText(i.children)).join('\n') : plainText(c)))
    .join('\n\n');
}

/**
 * The document as the schema accepts it. A value that does not fit is repaired where it
 * is and reported by its path: text over the length limit is cut to the limit, a date
 * or priority the template cannot hold is reset, and anything else goes back to the
 * empty document's value for that field. Everything that fits is kept.
 */
function finalize(context: ImportContext): Postmortem {
  const doc = context.doc;
  const checked = postmortemSchema.safeParse(doc);
  if (checked.success) return checked.data;
  const fresh = createPostmortem(doc.id, doc.createdAt);
  const repaired = { ...doc };
  const notes = checked.error.issues.map(
    (issue) => `${issue.path.map(String).join('.')} ${repair(repaired, fresh, issue)}`,
  );
  const again = postmortemSchema.safeParse(repaired);
  context.warnings.push({
    line: null,
    message: `Some values did not fit the template: ${notes.slice(0, 5).join('; ')}${notes.length > 5 ? `; …and ${notes.length - 5} more` : ''}.`,
  });
  if (again.success) return again.data;
  // Not reached by any known input; an empty document is still better than a crash.
  context.warnings.push({ line: null, message: `The document could not be repaired: ${describeIssues(again.error)}` });
  return fresh;
}

type Issue = { path: PropertyKey[]; code: string; message: string };

/** Repairs the value at `issue.path` in place (copying the containers on the way) and says how. */
function repair(doc: Postmortem, fresh: Postmortem, issue: Issue): string {
  const [top, ...rest] = issue.path;
  if (top === 'incidentDate' || top === 'reviewDate') {
    doc[top] = '';
    return 'is not a date; it was left empty';
  }
  if (top === 'actionItems' && rest.length > 0) {
    doc.actionItems = doc.actionItems.map((a) => ({
      ...a,
      dueDate: isRealDate(a.dueDate) ? a.dueDate : '',
      doneAt: isRealDate(a.doneAt) ? a.doneAt : '',
      priority: PRIORITIES.includes(a.priority) ? a.priority : 'P2',
    }));
  }
  // Walk to the value, copying each container so the caller's objects stay untouched.
  let parent: Record<PropertyKey, unknown> = doc as unknown as Record<PropertyKey, unknown>;
  for (const key of issue.path.slice(0, -1)) {
    const child = parent[key];
    if (typeof child !== 'object' || child === null) break;
    parent[key] = Array.isArray(child) ? [...child] : { ...child };
    parent = parent[key] as Record<PropertyKey, unknown>;
  }
  const key = issue.path[issue.path.length - 1];
  const value = key === undefined ? undefined : parent[key];
  if (key !== undefined && typeof value === 'string' && issue.code === 'too_big') {
    let cut = value.slice(0, MAX_FIELD_LENGTH);
    // Never leave half of a surrogate pair at the end.
    if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
    parent[key] = cut;
    return `${issue.message}; its first ${MAX_FIELD_LENGTH.toLocaleString('en-US')} characters were kept`;
  }
  if (top === 'actionItems' && rest.length > 0) return `${issue.message}; it was reset`;
  if (typeof top === 'string' && top in fresh) {
    (doc as unknown as Record<string, unknown>)[top] = (fresh as unknown as Record<string, unknown>)[top];
    return `${issue.message}; the whole field was reset`;
  }
  return issue.message;
}
