/**
 * Action-item rules from the guide: stable AI-001 ids, due dates from the priority's SLA,
 * and the quality problems that make an item likely to be forgotten (no owner, no due
 * date, no success criteria, vague wording, not tracked).
 */
import { isRealDate, type ActionItem, type Priority } from './model';

/** Days from the meeting to the due date, per priority (P3: a quarter, 13 weeks). */
export const PRIORITY_DUE_DAYS: Record<Priority, number> = { P0: 14, P1: 28, P2: 56, P3: 91 };

export const PRIORITY_MEANING: Record<Priority, string> = {
  P0: 'Prevents this exact incident from recurring; due within 2 weeks',
  P1: 'Significantly reduces likelihood or impact; due within 4 weeks',
  P2: 'Improves resilience, detection or recovery; due within 8 weeks',
  P3: 'Nice to have; due within a quarter',
};

export function formatActionItemId(number: number): string {
  return `AI-${String(number).padStart(3, '0')}`;
}

export function parseActionItemId(text: string): number | null {
  const m = /^AI-(\d{1,6})$/i.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/** The next free number: ids already given out never change. */
export function nextActionItemNumber(items: readonly ActionItem[]): number {
  return items.reduce((max, item) => Math.max(max, item.number), 0) + 1;
}

/** The due date a priority implies, counted from `fromDate` (YYYY-MM-DD). */
export function defaultDueDate(priority: Priority, fromDate: string): string {
  if (!isRealDate(fromDate)) return '';
  const date = new Date(`${fromDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + PRIORITY_DUE_DAYS[priority]);
  return date.toISOString().slice(0, 10);
}

export type ActionItemRule =
  'no-owner' | 'team-owner' | 'no-due-date' | 'no-success-criteria' | 'vague' | 'not-tracked';

export interface ActionItemIssue {
  rule: ActionItemRule;
  message: string;
}

const COLLECTIVE_OWNERS =
  /^(the\s+)?(team|teams|everyone|everybody|all|we|us|engineering|ops|devops|sre|tbd|tba|n\/?a|none|someone|\?+)$/i;

/** Wording that names no concrete change, with what to ask instead. */
const VAGUE_PATTERNS: { pattern: RegExp; ask: string }[] = [
  {
    pattern: /\b(improve|better|more|enhance|increase)\s+(the\s+)?(monitoring|alerting|observability|visibility)\b/i,
    ask: 'which metric, what threshold, who gets paged?',
  },
  {
    pattern: /\b(improve|better|more)\s+(the\s+)?(testing|tests|test coverage)\b/i,
    ask: 'which test, of what, run where?',
  },
  {
    pattern:
      /\bbe\s+(more\s+)?(careful|vigilant|cautious|diligent|mindful)\b|\bpay\s+(more\s+)?attention\b|\bdouble[-\s]check\b/i,
    ask: 'what check or guard rail makes care unnecessary?',
  },
  {
    pattern:
      /\b(train|educate|remind)\s+(people|engineers|staff|the team|everyone|developers)\b|\bmore training\b|\braise awareness\b/i,
    ask: 'what change to the system or process removes the need to remember?',
  },
  {
    pattern: /\b(improve|update|fix)\s+(the\s+)?(process|processes|documentation|docs|communication)\b/i,
    ask: 'which step or page changes, and how will you know it worked?',
  },
  { pattern: /\b(look into|think about|consider)\b/i, ask: 'what is the decision or change at the end of it?' },
];

/** The first vague phrase in a text, where it is, and the question to ask instead. */
export function findVagueWording(text: string): { index: number; length: number; ask: string } | null {
  let best: { index: number; length: number; ask: string } | null = null;
  for (const { pattern, ask } of VAGUE_PATTERNS) {
    const match = pattern.exec(text);
    if (match && (best === null || match.index < best.index))
      best = { index: match.index, length: match[0].length, ask };
  }
  return best;
}

export function actionItemIssues(item: ActionItem): ActionItemIssue[] {
  const issues: ActionItemIssue[] = [];
  const owner = item.owner.trim();
  if (owner === '') issues.push({ rule: 'no-owner', message: 'No owner: name one person who will see it through.' });
  else if (COLLECTIVE_OWNERS.test(owner))
    issues.push({
      rule: 'team-owner',
      message: `"${owner}" is not an owner: an item everyone owns, no one does. Name a person.`,
    });
  if (item.dueDate === '')
    issues.push({ rule: 'no-due-date', message: 'No due date: items without one drift. The priority suggests one.' });
  if (item.successCriteria.trim() === '')
    issues.push({ rule: 'no-success-criteria', message: 'No success criteria: say how anyone can verify it is done.' });
  const vague = findVagueWording(item.description);
  if (vague) issues.push({ rule: 'vague', message: `Too vague to verify: ${vague.ask}` });
  if (!isTrackingLink(item.trackingLink)) {
    issues.push({
      rule: 'not-tracked',
      message:
        item.trackingLink.trim() === ''
          ? 'Not tracked: link the issue-tracker ticket, or it will be forgotten.'
          : `"${item.trackingLink.trim().slice(0, 40)}" is not a link or ticket id.`,
    });
  }
  return issues;
}

/** A web link, or a ticket id such as OPS-123 or #123. */
export function isTrackingLink(text: string): boolean {
  const value = text.trim();
  if (/^[A-Z][A-Z0-9]+-\d+$/.test(value) || /^#\d+$/.test(value)) return true;
  return isSafeWebUrl(value);
}

/** Only http(s) links are ever turned into clickable links. */
export function isSafeWebUrl(text: string): boolean {
  return /^https?:\/\/[^\s<>"`]+$/i.test(text.trim());
}
