/**
 * Program metrics: is the postmortem program working? Six charts over every postmortem
 * in the library (not the trash), each with its target from the guide. Loaded on
 * demand (App.tsx imports it lazily), so the chart library stays out of the first load.
 */
import { useId, useMemo, useState } from 'react';
import { PERIODS, type Period } from '../../../shared/incidentCalendar';
import { MIN_POSTMORTEMS_FOR_METRICS, programMetrics } from '../../../shared/metrics';
import { todayUtc } from '../document/useEdit';
import { useLibraryDocuments } from '../tracker/TrackerScreen';
import { monthLabel, plural } from './format';
import {
  CompletionCard,
  ErrorBudgetCard,
  FrequencyCard,
  MtbiCard,
  RepeatCard,
  TimeToPostmortemCard,
} from './MetricSections';
import './metrics.css';
import { SubScreenHeader } from '../library/SubScreenHeader';

const PERIOD_LABELS: Readonly<Record<string, string>> = {
  '3': 'Last 3 months',
  '6': 'Last 6 months',
  '12': 'Last 12 months',
  all: 'All time',
};

export default function MetricsScreen({ onBack }: { onBack: () => void }) {
  const id = useId();
  const { docs, error } = useLibraryDocuments();
  const [period, setPeriod] = useState<Period>(12);
  const today = todayUtc();
  const metrics = useMemo(() => (docs ? programMetrics(docs, today, period) : null), [docs, today, period]);
  const first = metrics?.months[0];
  const last = metrics?.months.at(-1);

  return (
    <main className="library metrics">
      <SubScreenHeader
        title="Program metrics"
        onBack={onBack}
        readError={error ? { what: 'The postmortems', message: error } : null}
      />
      <div className="metrics-toolbar">
        <label htmlFor={`${id}-period`}>Period</label>
        <select
          id={`${id}-period`}
          value={String(period)}
          onChange={(e) => setPeriod(e.target.value === 'all' ? 'all' : (Number(e.target.value) as Period))}
        >
          {PERIODS.map((p) => (
            <option key={String(p)} value={String(p)}>
              {PERIOD_LABELS[String(p)]}
            </option>
          ))}
        </select>
        {metrics && first && last && (
          <p className="muted" role="status">
            {plural(metrics.counted, 'postmortem')} with an incident from {monthLabel(first)} to {monthLabel(last)}
            {metrics.undated > 0 && `; ${plural(metrics.undated, 'postmortem')} without an incident date left out`}.
          </p>
        )}
      </div>
      {metrics === null ? (
        !error && <p className="muted">Reading every postmortem…</p>
      ) : !metrics.enoughData ? (
        <section className="empty-state" aria-labelledby={`${id}-empty`}>
          <h2 id={`${id}-empty`}>Not enough postmortems for metrics yet</h2>
          <p>
            Trends need at least {MIN_POSTMORTEMS_FOR_METRICS} postmortems with an incident date in the period; this one
            has {metrics.counted}. Set the incident date on each postmortem
            {period !== 'all' && ', or look at a longer period'}.
          </p>
          {period !== 'all' && (
            <button type="button" onClick={() => setPeriod('all')}>
              Show all time
            </button>
          )}
        </section>
      ) : (
        <div className="metrics-grid">
          <TimeToPostmortemCard metric={metrics.timeToPostmortem} />
          <CompletionCard metric={metrics.completion} />
          <RepeatCard metric={metrics.repeats} />
          <FrequencyCard metric={metrics.frequency} />
          <MtbiCard metric={metrics.mtbi} />
          <ErrorBudgetCard metric={metrics.errorBudget} />
        </div>
      )}
    </main>
  );
}
