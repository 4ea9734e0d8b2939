/**
 * Findings for the `postmortem lint` command: the phrasing rules on any text, and on a
 * markdown postmortem also the action-item checks, located at the line of the item.
 */
import { actionItemIssues, findVagueWording, formatActionItemId } from './actionItems';
import { importPostmortem } from './markdown/importTemplate';
import { lintPhrasing, PHRASING_CATEGORIES, type PhrasingOptions } from './phrasing';

export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  category: string;
  rule: string;
  message: string;
  excerpt: string;
  reframes: string[];
}

const REFRAMES: Record<string, string> = {
  'no-owner': 'Name one person as the owner.',
  'team-owner': 'Name one person as the owner; the team can help.',
  'no-due-date': 'Set a due date; P0 is due within 2 weeks, P1 4, P2 8, P3 a quarter.',
  'no-success-criteria': 'Add success criteria: what anyone can check to see it is done.',
  'not-tracked': 'Link the ticket in your issue tracker.',
};

/** Line and column (1-based) of a UTF-16 offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** Blameful phrasing anywhere in the text, located by line and column. */
export function lintPhrasingIn(file: string, text: string, options: PhrasingOptions = {}): Finding[] {
  return lintPhrasing(text, options).map((f) => {
    const start = position(text, f.start);
    const end = position(text, f.end);
    return {
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      category: f.category,
      rule: f.rule,
      message: `${PHRASING_CATEGORIES[f.category].label}: ${f.message}`,
      excerpt: f.excerpt,
      reframes: f.reframes,
    };
  });
}

export function lintMarkdown(file: string, markdown: string, options: PhrasingOptions = {}): Finding[] {
  return [...actionItemFindings(file, markdown), ...lintPhrasingIn(file, markdown, options)].sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
}

function actionItemFindings(file: string, markdown: string): Finding[] {
  const { doc } = importPostmortem(markdown, { id: 'lint', now: '1970-01-01T00:00:00.000Z' });
  const lines = markdown.split(/\r?\n/);
  const findings: Finding[] = [];
  for (const item of doc.actionItems) {
    const id = formatActionItemId(item.number);
    const probe = item.description.split('\n')[0]?.trim().slice(0, 60) ?? '';
    let line = lines.findIndex((l) => l.includes(id) && l.includes('|'));
    if (line < 0 && probe !== '') line = lines.findIndex((l) => l.includes(probe));
    const text = lines[line] ?? '';
    const at = probe !== '' && text.includes(probe) ? text.indexOf(probe) : 0;
    for (const issue of actionItemIssues(item)) {
      const vague = issue.rule === 'vague' ? findVagueWording(item.description) : null;
      findings.push({
        file,
        line: line + 1 || 1,
        column: at + 1,
        endLine: line + 1 || 1,
        endColumn: at + 1 + Math.max(probe.length, 1),
        category: 'action-item',
        rule: issue.rule,
        message: `${id}: ${issue.message}`,
        excerpt: item.description.slice(0, 120),
        reframes: vague ? [`Say exactly what changes: ${vague.ask}`] : [REFRAMES[issue.rule] ?? ''].filter(Boolean),
      });
    }
  }
  return findings;
}

/** Plain text (one sentence per line works well): the phrasing rules, vague actions included. */
export function lintText(file: string, text: string, options: PhrasingOptions = {}): Finding[] {
  return lintPhrasingIn(file, text, options);
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}  ${f.category}  ${f.message}${f.reframes[0] ? `  -> ${f.reframes[0]}` : ''}`;
}
