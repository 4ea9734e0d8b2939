/**
 * The customer-facing incident report: shallow and name-free. Summary, impact,
 * the timeline told by its milestones in plain words, and what we are changing. No
 * people (no commander, authors, owners, or timeline text that may name them), no five
 * whys, no internal links.
 */
import type { RootContent } from 'mdast';
import type { Milestone, Postmortem } from '../model';
import { formatHhMm, formatUtc } from '../time';
import { incidentDuration, milestoneTimes } from '../timeline';
import { heading, paragraph, serialize, text } from './mdast';

const MILESTONE_SENTENCES: Record<Milestone, string> = {
  started: 'The problem began.',
  detected: 'Our monitoring detected the problem and we started investigating.',
  diagnosed: 'We identified the cause.',
  mitigated: 'We applied a fix and impact stopped.',
  resolved: 'The incident was fully resolved.',
};

const ORDER: Milestone[] = ['started', 'detected', 'diagnosed', 'mitigated', 'resolved'];

export function exportIncidentReport(doc: Postmortem): string {
  const duration = incidentDuration(doc);
  const services = doc.impact.servicesAffected;
  const summaryParts = [
    doc.incidentDate !== '' ? `On ${doc.incidentDate}` : 'Recently',
    services.length > 0
      ? ` ${services.join(', ')} ${services.length === 1 ? 'was' : 'were'} disrupted`
      : ' some of our services were disrupted',
    duration !== null ? ` for ${describeMinutes(duration)}.` : '.',
  ];
  const times = milestoneTimes(doc.timeline);
  const timeline: RootContent[] = ORDER.filter((m) => times[m]).map((m) => ({
    type: 'listItem',
    spread: false,
    children: [paragraph(text(`${formatUtc(times[m] ?? '', doc.incidentDate)} UTC: ${MILESTONE_SENTENCES[m]}`))],
  })) as RootContent[];
  const actions = doc.actionItems.filter((a) => a.description.trim() !== '');
  const blocks: RootContent[] = [
    heading(1, `Incident report: ${doc.title}`),
    heading(2, 'Summary'),
    paragraph(text(summaryParts.join(''))),
    heading(2, 'Impact'),
    paragraph(text(impactSentence(doc))),
    heading(2, 'Timeline'),
    timeline.length > 0
      ? ({ type: 'list', ordered: false, spread: false, children: timeline } as RootContent)
      : paragraph(text('A detailed timeline will follow.')),
    heading(2, 'What we are doing'),
    actions.length > 0
      ? ({
          type: 'list',
          ordered: false,
          spread: false,
          children: actions.map((a) => ({
            type: 'listItem',
            spread: false,
            children: [paragraph(text(`${a.description.trim()}${a.done ? ' (done)' : ''}`))],
          })),
        } as RootContent)
      : paragraph(text('We are reviewing the incident and will share the changes we make.')),
  ];
  return serialize({ type: 'root', children: blocks });
}

function impactSentence(doc: Postmortem): string {
  const parts: string[] = [];
  if (doc.impact.usersAffected.trim() !== '')
    parts.push(`About ${doc.impact.usersAffected.trim().replace(/^~/, '')} users were affected.`);
  if (doc.impact.servicesAffected.length > 0)
    parts.push(`Affected services: ${doc.impact.servicesAffected.join(', ')}.`);
  return parts.length > 0 ? parts.join(' ') : 'We are still measuring the impact.';
}

function describeMinutes(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded < 60) return `${rounded} minute${rounded === 1 ? '' : 's'}`;
  const [h, m] = formatHhMm(rounded).split(':').map(Number);
  return `${h} hour${h === 1 ? '' : 's'}${m ? ` and ${m} minute${m === 1 ? '' : 's'}` : ''}`;
}
