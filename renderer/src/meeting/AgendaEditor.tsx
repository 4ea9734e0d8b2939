/**
 * Edit the team's agendas: copy a built-in one, rename it, reorder, retime, add or
 * remove phases, and save. Built-in agendas stay as they are.
 */
import { useId, useState } from 'react';
import {
  AGENDA_SECTION_LABELS,
  BUILT_IN_AGENDAS,
  agendaMinutes,
  isBuiltInAgenda,
  validateAgenda,
  type AgendaPhase,
  type AgendaTemplate,
} from '../../../shared/agenda';
import { AGENDA_SECTIONS, type AgendaSection } from '../../../shared/vocabulary';
import { ModalDialog } from '../app/ModalDialog';

export function AgendaEditor({
  custom,
  onSave,
  onClose,
}: {
  custom: readonly AgendaTemplate[];
  onSave: (agendas: AgendaTemplate[]) => Promise<void>;
  onClose: () => void;
}) {
  const id = useId();
  const [agendas, setAgendas] = useState<AgendaTemplate[]>([...custom]);
  const [selected, setSelected] = useState<string | null>(custom[0]?.id ?? null);
  const [problem, setProblem] = useState<string | null>(null);
  const current = agendas.find((a) => a.id === selected) ?? null;

  const change = (update: (agenda: AgendaTemplate) => AgendaTemplate) =>
    setAgendas((list) => list.map((a) => (a.id === selected ? update(a) : a)));
  const changePhase = (index: number, patch: Partial<AgendaPhase>) =>
    change((a) => ({ ...a, phases: a.phases.map((p, i) => (i === index ? { ...p, ...patch } : p)) }));
  const movePhase = (index: number, by: -1 | 1) =>
    change((a) => {
      const phases = [...a.phases];
      const [moved] = phases.splice(index, 1);
      if (moved) phases.splice(Math.max(0, Math.min(phases.length, index + by)), 0, moved);
      return { ...a, phases };
    });

  const copyOf = (source: AgendaTemplate) => {
    const copy = { ...source, id: `agenda-${crypto.randomUUID().slice(0, 8)}`, name: `${source.name} (copy)` };
    setAgendas((list) => [...list, copy]);
    setSelected(copy.id);
  };

  const save = async () => {
    for (const agenda of agendas) {
      const checked = validateAgenda(agenda);
      if (!checked.ok) {
        setSelected(agenda.id);
        setProblem(`${agenda.name || 'An agenda'}: ${checked.error}`);
        return;
      }
    }
    try {
      await onSave(agendas.filter((a) => !isBuiltInAgenda(a.id)));
      onClose();
    } catch (error) {
      setProblem(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <ModalDialog labelledBy={`${id}-title`} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id={`${id}-title`}>Meeting agendas</h2>
        <p className="muted small">
          Start from a built-in agenda to make your own. Each phase takes the editor to its section.
        </p>
        <div className="agenda-lists">
          <fieldset>
            <legend>Built in</legend>
            <ul className="plain-list">
              {BUILT_IN_AGENDAS.map((a) => (
                <li key={a.id}>
                  {a.name}{' '}
                  <button type="button" className="link-button" onClick={() => copyOf(a)}>
                    Copy to edit
                  </button>
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset>
            <legend>Yours</legend>
            {agendas.length === 0 ? (
              <p className="muted small">None yet: copy a built-in agenda to start.</p>
            ) : (
              <ul className="plain-list">
                {agendas.map((a) => (
                  <li key={a.id}>
                    <button
                      type="button"
                      className="link-button"
                      aria-current={a.id === selected ? 'true' : undefined}
                      onClick={() => setSelected(a.id)}
                    >
                      {a.name || 'Untitled agenda'}
                    </button>{' '}
                    <span className="muted small">({agendaMinutes(a)} min)</span>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        </div>
        {current && (
          <fieldset className="agenda-edit">
            <legend>Edit “{current.name || 'Untitled agenda'}”</legend>
            <label>
              <span>Name</span>
              <input
                value={current.name}
                maxLength={80}
                onChange={(e) => change((a) => ({ ...a, name: e.target.value }))}
              />
            </label>
            <ol className="agenda-phases">
              {current.phases.map((phase, index) => (
                <li key={index}>
                  <input
                    aria-label={`Phase ${index + 1} name`}
                    value={phase.name}
                    maxLength={80}
                    onChange={(e) => changePhase(index, { name: e.target.value })}
                  />
                  <input
                    aria-label={`Phase ${index + 1} minutes`}
                    type="number"
                    min={1}
                    max={240}
                    value={phase.minutes}
                    onChange={(e) => changePhase(index, { minutes: Math.round(Number(e.target.value)) })}
                  />
                  <select
                    aria-label={`Phase ${index + 1} section`}
                    value={phase.section}
                    onChange={(e) => changePhase(index, { section: e.target.value as AgendaSection })}
                  >
                    {AGENDA_SECTIONS.map((s) => (
                      <option key={s} value={s}>
                        {AGENDA_SECTION_LABELS[s]}
                      </option>
                    ))}
                  </select>
                  <input
                    aria-label={`Phase ${index + 1} goal`}
                    className="agenda-goal"
                    value={phase.goal}
                    maxLength={300}
                    placeholder="What this phase is for, in one line"
                    onChange={(e) => changePhase(index, { goal: e.target.value })}
                  />
                  <span className="agenda-phase-actions">
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Move phase ${index + 1} up`}
                      disabled={index === 0}
                      onClick={() => movePhase(index, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Move phase ${index + 1} down`}
                      disabled={index === current.phases.length - 1}
                      onClick={() => movePhase(index, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Remove phase ${index + 1}`}
                      onClick={() => change((a) => ({ ...a, phases: a.phases.filter((_, i) => i !== index) }))}
                    >
                      ×
                    </button>
                  </span>
                </li>
              ))}
            </ol>
            <p>
              <button
                type="button"
                onClick={() =>
                  change((a) => ({
                    ...a,
                    phases: [...a.phases, { name: 'New phase', minutes: 5, goal: '', section: 'context' }],
                  }))
                }
              >
                Add phase
              </button>{' '}
              <span className="muted">Total: {agendaMinutes(current)} min</span>{' '}
              <button
                type="button"
                className="danger"
                onClick={() => {
                  setAgendas((list) => list.filter((a) => a.id !== current.id));
                  setSelected(null);
                }}
              >
                Delete this agenda
              </button>
            </p>
          </fieldset>
        )}
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
