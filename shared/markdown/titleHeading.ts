/**
 * The export's first heading names the kind of write-up before the title
 * ("# Postmortem: <title>", the guide's template, or "# Learning Review: <title>"), and
 * the importer reads the kind back from it, so export -> import -> export keeps both.
 */
import { DOCUMENT_KINDS, type DocumentKind } from '../model';

/** The words before the colon, per kind. "Postmortem" is the guide's template; keep it exact. */
export const KIND_HEADINGS: Readonly<Record<DocumentKind, string>> = {
  postmortem: 'Postmortem',
  'learning-review': 'Learning Review',
  'root-cause-analysis': 'Root Cause Analysis',
  'incident-report': 'Incident Report',
};

const KIND_PREFIX = new RegExp(`^(${Object.values(KIND_HEADINGS).join('|')}): ?`, 'i');

export function titleHeading(kind: DocumentKind, title: string): string {
  return `${KIND_HEADINGS[kind]}: ${title}`;
}

/**
 * Kind and title from a first heading's text, any letter case ("Root cause analysis:
 * ..." from a hand-written file counts). Only one prefix is taken off, so a title that
 * itself starts with "Postmortem:" survives. A heading with no known prefix is all title,
 * and the document is a postmortem.
 */
export function readTitleHeading(text: string): { kind: DocumentKind; title: string } {
  const match = KIND_PREFIX.exec(text);
  const kind = match && DOCUMENT_KINDS.find((k) => KIND_HEADINGS[k].toLowerCase() === match[1]?.toLowerCase());
  return kind && match ? { kind, title: text.slice(match[0].length) } : { kind: 'postmortem', title: text };
}
