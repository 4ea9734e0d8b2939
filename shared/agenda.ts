/**
 * Meeting agendas: the guide's 60-minute postmortem meeting, shorter variants and a
 * near-miss review, and the team's own templates (validated here wherever they are
 * loaded). A phase names the section of the document the room works on.
 */
import { z } from 'zod';
import { AGENDA_SECTIONS, type AgendaSection } from './model';
import { describeIssues, type Result } from './validation';

export const agendaPhaseSchema = z.object({
  name: z.string().trim().min(1, 'needs a name').max(80),
  minutes: z.number().int('must be whole minutes').min(1, 'must be at least 1 minute').max(240),
  goal: z.string().max(300),
  section: z.enum(AGENDA_SECTIONS),
});

export const agendaTemplateSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  name: z.string().trim().min(1, 'needs a name').max(80),
  phases: z.array(agendaPhaseSchema).min(1, 'needs at least one phase').max(20),
});

export type AgendaPhase = z.infer<typeof agendaPhaseSchema>;
export type AgendaTemplate = z.infer<typeof agendaTemplateSchema>;

export const agendaTemplatesSchema = z.array(agendaTemplateSchema).max(50);

/** What each section is called in the agenda editor. */
export const AGENDA_SECTION_LABELS: Readonly<Record<AgendaSection, string>> = {
  context: 'Header and impact',
  timeline: 'Timeline',
  whys: 'Five whys',
  actionItems: 'Action items',
  wrapUp: 'Wrap-up checklist',
};

const phase = (name: string, minutes: number, section: AgendaSection, goal: string): AgendaPhase => ({
  name,
  minutes,
  section,
  goal,
});

const CONTEXT_GOAL = 'Agree the ground rules (blameless, about the system) and catch everyone up on what happened.';
const TIMELINE_GOAL = 'Walk the timeline in order and fill the gaps with facts, not interpretations.';
const RCA_GOAL = 'Ask why until you reach conditions in the system; follow every causal path.';
const ACTIONS_GOAL = 'Turn causes into specific actions, each with an owner, a priority and a due date.';
const WRAP_GOAL = 'Confirm owners and dates, set the review date, decide whether it is ready for review.';

/** Agendas that ship with the app; they cannot be deleted, only copied and changed. */
export const BUILT_IN_AGENDAS: readonly AgendaTemplate[] = [
  {
    id: 'standard-60',
    name: 'Postmortem meeting (60 min)',
    phases: [
      phase('Context setting', 5, 'context', CONTEXT_GOAL),
      phase('Timeline walkthrough', 15, 'timeline', TIMELINE_GOAL),
      phase('Root cause analysis', 20, 'whys', RCA_GOAL),
      phase('Action items', 15, 'actionItems', ACTIONS_GOAL),
      phase('Wrap-up', 5, 'wrapUp', WRAP_GOAL),
    ],
  },
  {
    id: 'standard-45',
    name: 'Postmortem meeting (45 min)',
    phases: [
      phase('Context setting', 4, 'context', CONTEXT_GOAL),
      phase('Timeline walkthrough', 10, 'timeline', TIMELINE_GOAL),
      phase('Root cause analysis', 16, 'whys', RCA_GOAL),
      phase('Action items', 11, 'actionItems', ACTIONS_GOAL),
      phase('Wrap-up', 4, 'wrapUp', WRAP_GOAL),
    ],
  },
  {
    id: 'standard-30',
    name: 'Postmortem meeting (30 min)',
    phases: [
      phase('Context setting', 3, 'context', CONTEXT_GOAL),
      phase('Timeline walkthrough', 7, 'timeline', TIMELINE_GOAL),
      phase('Root cause analysis', 10, 'whys', RCA_GOAL),
      phase('Action items', 7, 'actionItems', ACTIONS_GOAL),
      phase('Wrap-up', 3, 'wrapUp', WRAP_GOAL),
    ],
  },
  {
    id: 'near-miss-30',
    name: 'Near-miss review (30 min)',
    phases: [
      phase('What almost happened', 5, 'context', 'Say what was caught, by what, and what the impact would have been.'),
      phase('How it was caught', 8, 'timeline', 'Walk the few events that led to the catch; note what was luck.'),
      phase('Why it was possible', 10, 'whys', RCA_GOAL),
      phase('Safeguards', 5, 'actionItems', 'Make the catch deliberate: actions that do not rely on luck next time.'),
      phase('Wrap-up', 2, 'wrapUp', WRAP_GOAL),
    ],
  },
];

export const DEFAULT_AGENDA_ID = 'standard-60';

export function agendaMinutes(agenda: Pick<AgendaTemplate, 'phases'>): number {
  return agenda.phases.reduce((sum, p) => sum + p.minutes, 0);
}

export function isBuiltInAgenda(id: string): boolean {
  return BUILT_IN_AGENDAS.some((a) => a.id === id);
}

/** Built-ins first, then the team's own, each id once (a saved one never hides a built-in). */
export function allAgendas(custom: readonly AgendaTemplate[]): AgendaTemplate[] {
  return [...BUILT_IN_AGENDAS, ...custom.filter((a) => !isBuiltInAgenda(a.id))];
}

/** Checks an agenda someone edited; a sentence naming the first problems if it is not usable. */
export function validateAgenda(agenda: AgendaTemplate): Result<AgendaTemplate> {
  const parsed = agendaTemplateSchema.safeParse(agenda);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: `This agenda cannot be saved: ${describeIssues(parsed.error)}` };
}
