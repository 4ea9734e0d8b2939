/**
 * The facilitator's private console: the agenda with planned and actual times, notes
 * only they see, and what to say or ask in the current phase (ground rules, the
 * question bank, five-whys pitfalls, action-item problems, and blameful wording just
 * typed with a question to redirect it). Never part of what is presented or exported.
 */
import { useContext, useDeferredValue, useMemo, useState } from 'react';
import { actionItemIssues, formatActionItemId } from '../../../shared/actionItems';
import { GROUND_RULES, QUESTION_BANK } from '../../../shared/facilitation';
import { formatClock, meetingStatus, phaseBudgetSeconds, phaseElapsed } from '../../../shared/meetingTimer';
import type { AgendaSection, MeetingRecord } from '../../../shared/model';
import { PHRASING_CATEGORIES } from '../../../shared/phrasing';
import { documentPrompts } from '../../../shared/prompts';
import { detectPitfalls } from '../../../shared/whyPitfalls';
import { useDocument } from '../document/documentStore';
import { usePromptSettings } from '../phrasing/promptSettings';
import { revealField } from '../phrasing/revealField';
import { usePlatform } from '../app/platformContext';
import { RemoteMeetingActions, useMeeting } from './useMeeting';
import { useNow } from './useNow';

/** How many of the latest blame findings the console lists. */
const LIVE_FINDINGS = 5;

export function FacilitatorConsole({ onClose }: { onClose: () => void }) {
  const { meeting, actions } = useMeeting();
  const status = meeting ? meetingStatus(meeting) : 'not-started';
  const now = useNow(status === 'running', 1000);
  const section: AgendaSection = meeting?.phases[meeting.currentPhase]?.section ?? 'context';
  const remote = useContext(RemoteMeetingActions) !== null;
  const platform = usePlatform();
  const docId = useDocument((s) => s.doc.id);
  const [openError, setOpenError] = useState<string | null>(null);
  const onOpenError = (error: unknown) => setOpenError(error instanceof Error ? error.message : String(error));
  return (
    <aside className="console-panel" aria-labelledby="console-heading">
      <div className="section-head">
        <h2 id="console-heading">Facilitator console</h2>
        <button type="button" onClick={onClose} aria-keyshortcuts="Control+Shift+M">
          Close
        </button>
      </div>
      <p className="muted small">Only you see this panel: it is never presented or exported.</p>
      {!remote && (
        <p>
          <button type="button" onClick={() => void platform.openConsoleWindow(docId).catch(onOpenError)}>
            Open in its own window
          </button>{' '}
          <span className="muted small">for a second screen: it follows this window.</span>
        </p>
      )}
      {openError && (
        <p className="field-error" role="alert">
          {openError}
        </p>
      )}
      {meeting && <Agenda meeting={meeting} now={now} onGoTo={actions.goTo} />}
      <label className="console-notes">
        <span>Private notes</span>
        <textarea
          className="auto-grow"
          value={meeting?.privateNotes ?? ''}
          disabled={!meeting}
          placeholder={meeting ? 'Only you see these' : 'Start the meeting to take private notes'}
          onChange={(e) => actions.update({ privateNotes: e.target.value })}
        />
      </label>
      <PhasePrompts section={section} />
    </aside>
  );
}

function Agenda({ meeting, now, onGoTo }: { meeting: MeetingRecord; now: Date; onGoTo: (index: number) => void }) {
  const live = meetingStatus(meeting) === 'running' || meetingStatus(meeting) === 'paused';
  return (
    <ol className="console-agenda" aria-label="Agenda">
      {meeting.phases.map((phase, index) => {
        const current = index === meeting.currentPhase && live;
        const spent = phaseElapsed(phase, now);
        const over = spent - phaseBudgetSeconds(phase);
        return (
          <li
            key={index}
            aria-current={current ? 'step' : undefined}
            className={current ? 'agenda-current' : undefined}
          >
            <button type="button" className="link-button" disabled={!live} onClick={() => onGoTo(index)}>
              {phase.name}
            </button>{' '}
            <span className="muted small">
              {phase.plannedMinutes + phase.extraMinutes} min planned
              {phase.startedAt && ` · ${formatClock(spent)} so far`}
              {over > 0 && (
                <strong className="meeting-over-text">
                  {' '}
                  · <span aria-hidden="true">⚠</span> {formatClock(over, { signed: true })} over
                </strong>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function PhasePrompts({ section }: { section: AgendaSection }) {
  return (
    <div className="console-prompts">
      {section === 'context' && (
        <section aria-labelledby="rules-h">
          <h3 id="rules-h">Ground rules to read out</h3>
          <ol>
            {GROUND_RULES.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ol>
        </section>
      )}
      {section === 'whys' && <WhyPitfalls />}
      {(section === 'actionItems' || section === 'wrapUp') && <ActionItemProblems />}
      <LiveFindings remote={useContext(RemoteMeetingActions) !== null} />
      {QUESTION_BANK[section].map((group) => (
        <section key={group.title} aria-label={group.title}>
          <h3>{group.title}</h3>
          <ul>
            {group.questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function LiveFindings({ remote }: { remote: boolean }) {
  const { lint } = usePromptSettings();
  const doc = useDeferredValue(useDocument((s) => s.doc));
  const latest = useMemo(
    () =>
      documentPrompts(doc, lint)
        .filter((p) => !p.dismissal)
        .slice(-LIVE_FINDINGS)
        .reverse(),
    [doc, lint],
  );
  return (
    <section aria-labelledby="live-h">
      <h3 id="live-h">Blameful wording just typed</h3>
      {latest.length === 0 ? (
        <p className="muted small">None right now.</p>
      ) : (
        <ul className="console-findings">
          {latest.map(({ field, finding }) => (
            <li key={`${field.key}:${finding.start}:${finding.rule}`}>
              {remote ? (
                // The fields are in the editor's window.
                <strong>{field.label}</strong>
              ) : (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => revealField(field.key, { start: finding.start, end: finding.end })}
                >
                  {field.label}
                </button>
              )}
              : “{field.text.slice(finding.start, finding.end)}” ({PHRASING_CATEGORIES[finding.category].label})
              <br />
              <span className="small">Ask instead: {finding.reframes[0]}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function WhyPitfalls() {
  const { lint } = usePromptSettings();
  const whys = useDocument((s) => s.doc.whys);
  const factors = useDocument((s) => s.doc.contributingFactors);
  const items = useDocument((s) => s.doc.actionItems);
  const pitfalls = useMemo(
    () => detectPitfalls({ whys, contributingFactors: factors, actionItems: items }, lint),
    [whys, factors, items, lint],
  );
  return (
    <section aria-labelledby="pitfalls-h">
      <h3 id="pitfalls-h">Five whys: watch for</h3>
      {pitfalls.length === 0 ? (
        <p className="muted small">No pitfalls in the graph right now.</p>
      ) : (
        <ul>
          {pitfalls.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ActionItemProblems() {
  const items = useDocument((s) => s.doc.actionItems);
  const problems = items
    .filter((i) => !i.done)
    .map((i) => ({ id: formatActionItemId(i.number), issues: actionItemIssues(i) }))
    .filter((p) => p.issues.length > 0);
  return (
    <section aria-labelledby="ai-h">
      <h3 id="ai-h">Action items still missing something</h3>
      {problems.length === 0 ? (
        <p className="muted small">{items.length === 0 ? 'No action items yet.' : 'Every action item is complete.'}</p>
      ) : (
        <ul>
          {problems.map((p) => (
            <li key={p.id}>
              <strong>{p.id}</strong>: {p.issues.map((issue) => issue.message).join('; ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
