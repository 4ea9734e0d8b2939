/**
 * Reframes written for the sentence at hand: a rule's templates are filled with slots
 * taken from the sentence (slots.ts), and a template whose slot the sentence cannot fill
 * is skipped, so no rewrite reads like a form letter with holes. applyReframe swaps the
 * whole sentence for the chosen one.
 */
import { sentenceBounds } from './sentences';

type TemplatePart = string | { slot: string; optional: boolean };
const compiled = new Map<string, TemplatePart[]>();

function compile(template: string): TemplatePart[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/(\{\w+\??\})/).map((piece) => {
      const slot = /^\{(\w+)(\?)?\}$/.exec(piece);
      return slot?.[1] ? { slot: slot[1], optional: slot[2] === '?' } : piece;
    });
    compiled.set(template, parts);
  }
  return parts;
}

/** Fills a template; null when a required slot is missing. */
export function fillTemplate(template: string, slots: { get(name: string): string | undefined }): string | null {
  let filled = '';
  for (const part of compile(template)) {
    if (typeof part === 'string') {
      filled += part;
      continue;
    }
    const value = slots.get(part.slot);
    if (value === undefined || value === '') {
      if (!part.optional) return null;
    } else filled += value;
  }
  // Collapse what an empty optional slot leaves behind: "the  typo", "word ?".
  const clean = /\s(?:\s|[?.,])/.test(filled)
    ? filled
        .replace(/\s{2,}/g, ' ')
        .replace(/\s+([?.,])/g, '$1')
        .trim()
    : filled.trim();
  return clean.charAt(0).toUpperCase() + clean.slice(1);
}

const FALLBACK = 'What about the situation made this possible, and what would make it hard to happen again?';

/** Up to three distinct reframes from the templates, in order. */
export function buildReframes(
  templates: readonly string[],
  slots: { get(name: string): string | undefined },
): string[] {
  const out: string[] = [];
  for (const template of templates) {
    const filled = fillTemplate(template, slots);
    if (filled && !out.includes(filled)) out.push(filled);
    if (out.length === 3) break;
  }
  return out.length > 0 ? out : [FALLBACK];
}

/** What a reframe replaces: the finding's sentence, or only its words for a team's own phrase. */
export function reframeTarget(
  text: string,
  finding: { start: number; end: number; replaces?: 'phrase' },
): { start: number; end: number } {
  return finding.replaces === 'phrase'
    ? { start: finding.start, end: finding.end }
    : sentenceBounds(text, finding.start);
}

/**
 * Replaces the sentence that contains the finding with reframe `reframeIndex`. The
 * rest of the text (other sentences, list markers, timestamps) is left as it was.
 */
export function applyReframe(
  text: string,
  finding: { start: number; end: number; reframes: readonly string[]; replaces?: 'phrase' },
  reframeIndex: number,
): string {
  const reframe = finding.reframes[reframeIndex];
  if (reframe === undefined) return text;
  const target = reframeTarget(text, finding);
  return text.slice(0, target.start) + reframe + text.slice(target.end);
}
