import { useId, useState } from 'react';
import { addService, removeService, updateImpact } from '../../../shared/edits';
import { describeErrorBudget, errorBudget, formatNumber, windowName } from '../../../shared/impact';
import { useDocument } from './documentStore';
import { useEdit } from './useEdit';

export function ImpactSection() {
  const impact = useDocument((s) => s.doc.impact);
  const timeline = useDocument((s) => s.doc.timeline);
  const edit = useEdit();
  const id = useId();
  const [service, setService] = useState('');
  const budget = errorBudget({ impact, timeline });

  const addTypedService = () => {
    for (const name of service.split(',')) edit(`service-add:${name}`, (doc) => addService(doc, name));
    setService('');
  };

  return (
    <section className="doc-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Impact Summary</h2>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-users`}>Users affected</label>
          <input
            id={`${id}-users`}
            value={impact.usersAffected}
            placeholder="~12,000 (from metrics)"
            onChange={(e) => edit('impact:users', (doc) => updateImpact(doc, { usersAffected: e.target.value }))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-revenue`}>Revenue impact</label>
          <input
            id={`${id}-revenue`}
            value={impact.revenueImpact}
            placeholder="$8,400, if measurable"
            onChange={(e) => edit('impact:revenue', (doc) => updateImpact(doc, { revenueImpact: e.target.value }))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-slo`}>SLO target (%)</label>
          <input
            id={`${id}-slo`}
            value={impact.sloTarget}
            inputMode="decimal"
            placeholder="99.9"
            onChange={(e) => edit('impact:slo', (doc) => updateImpact(doc, { sloTarget: e.target.value }))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-window`}>SLO window (days)</label>
          <input
            id={`${id}-window`}
            type="number"
            min={1}
            max={366}
            value={impact.sloWindowDays}
            onChange={(e) => {
              const days = Math.round(Number(e.target.value));
              if (days >= 1 && days <= 366) edit('impact:window', (doc) => updateImpact(doc, { sloWindowDays: days }));
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-minutes`}>Impact minutes</label>
          <input
            id={`${id}-minutes`}
            type="number"
            min={0}
            step="any"
            value={impact.impactMinutesOverride ?? ''}
            placeholder={
              budget.ok && budget.impactSource === 'timeline'
                ? `${formatNumber(budget.impactMinutes)} (from the timeline)`
                : 'From the timeline'
            }
            onChange={(e) => {
              const raw = e.target.value;
              const minutes = raw === '' ? null : Number(raw);
              if (minutes === null || (Number.isFinite(minutes) && minutes >= 0)) {
                edit('impact:minutes', (doc) => updateImpact(doc, { impactMinutesOverride: minutes }));
              }
            }}
          />
        </div>
      </div>

      <div className="field">
        <label htmlFor={`${id}-services`}>Services affected</label>
        <div className="chips">
          {impact.servicesAffected.map((name, index) => (
            <span key={name} className="chip">
              {name}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${name}`}
                onClick={() => edit(`service-remove:${name}`, (doc) => removeService(doc, index))}
              >
                ×
              </button>
            </span>
          ))}
          <input
            id={`${id}-services`}
            className="chip-input"
            value={service}
            placeholder={impact.servicesAffected.length === 0 ? 'Type a service, press Enter' : 'Add another'}
            onChange={(e) => setService(e.target.value)}
            onBlur={() => service.trim() !== '' && addTypedService()}
            onKeyDown={(e) => {
              if ((e.key === 'Enter' || e.key === ',') && service.trim() !== '') {
                e.preventDefault();
                addTypedService();
              } else if (e.key === 'Backspace' && service === '' && impact.servicesAffected.length > 0) {
                const last = impact.servicesAffected.length - 1;
                edit(`service-remove:${last}`, (doc) => removeService(doc, last));
              }
            }}
          />
        </div>
      </div>

      <p className={`budget ${budget.ok && budget.overBudget ? 'budget-over' : ''}`} role="status" aria-live="polite">
        {budget.ok ? (
          <>
            <strong>SLO impact:</strong> {describeErrorBudget(budget, impact.sloWindowDays)}.
            {budget.overBudget && (
              <span className="budget-warning">
                {' '}
                ⚠ This one incident used more than the whole {windowName(impact.sloWindowDays)} budget: its P0 action
                items are not optional.
              </span>
            )}
          </>
        ) : (
          <span className="muted">{budget.reason}</span>
        )}
      </p>
    </section>
  );
}
