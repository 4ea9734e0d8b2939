/**
 * One metric on the dashboard: its headline figure, its target and whether it is met
 * (said in words and a symbol, not colour alone), a chart, and the chart's numbers as
 * tables. The tables are always in the page for screen readers; "Show the numbers"
 * puts them on screen for everyone else.
 */
import { useId, useState, type ReactNode } from 'react';
import type { TargetStatus } from '../../../shared/incidentCalendar';

const STATUS_TEXT: Readonly<Record<TargetStatus | 'no-target', { symbol: string; text: string }>> = {
  met: { symbol: '✓', text: 'Target met' },
  missed: { symbol: '✗', text: 'Target missed' },
  'no-data': { symbol: '–', text: 'Not enough data to judge' },
  'no-target': { symbol: '○', text: 'No fixed target' },
};

export function TargetBadge({ status }: { status: TargetStatus | 'no-target' }) {
  const { symbol, text } = STATUS_TEXT[status];
  return (
    <strong className={`target-badge target-${status}`}>
      <span aria-hidden="true">{symbol} </span>
      {text}
    </strong>
  );
}

interface Props {
  title: string;
  headline: ReactNode;
  target: string;
  status: TargetStatus | 'no-target';
  chart: ReactNode;
  tables: ReactNode;
  notes?: ReactNode;
  help: ReactNode;
}

export function MetricCard({ title, headline, target, status, chart, tables, notes, help }: Props) {
  const id = useId();
  const [showNumbers, setShowNumbers] = useState(false);
  return (
    <section className="metric-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="metric-headline">{headline}</p>
      <p className="metric-target">
        <TargetBadge status={status} /> <span>Target: {target}</span>
      </p>
      {/* The chart repeats the tables below for sighted readers; screen readers get the tables. */}
      <div className="metric-chart" aria-hidden="true">
        {chart}
      </div>
      {notes && <div className="metric-notes">{notes}</div>}
      <button
        type="button"
        className="link-button"
        aria-expanded={showNumbers}
        aria-controls={`${id}-numbers`}
        onClick={() => setShowNumbers(!showNumbers)}
      >
        {showNumbers ? 'Hide the numbers' : 'Show the numbers'}
      </button>
      <div id={`${id}-numbers`} className={showNumbers ? 'metric-numbers' : 'visually-hidden'}>
        {tables}
      </div>
      <p className="metric-help">{help}</p>
    </section>
  );
}

/** A plain table of a chart's numbers, named by its caption. */
export function NumbersTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly ReactNode[])[];
}) {
  return (
    <table className="metric-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columns.length}>Nothing to show in this period.</td>
          </tr>
        ) : (
          rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={c}>{cell}</td>
                ),
              )}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
