/** The six program metrics as cards: what each one says, its chart and its numbers. */
import {
  COMPLETION_TARGET_PERCENT,
  REPEAT_TARGET_PERCENT,
  TIME_TO_POSTMORTEM_TARGET_DAYS,
  type ProgramMetrics,
} from '../../../shared/metrics';
import { BarsChart, LinesChart } from './charts';
import { MetricCard, NumbersTable } from './MetricCard';
import { monthLabel, num, percent, plural, quarterLabel } from './format';

type M = ProgramMetrics;

/** Lambda to two decimals: 3 incidents in 12 months is 0.25, not 0.3. */
const lambda = (value: number) => String(Math.round(value * 100) / 100);

export function TimeToPostmortemCard({ metric }: { metric: M['timeToPostmortem'] }) {
  return (
    <MetricCard
      title="Time to postmortem"
      headline={
        metric.medianDays === null
          ? 'No postmortem meeting held yet in this period.'
          : `Median ${plural(metric.medianDays, 'business day')}; ${metric.onTarget} of ${metric.rows.length} held within ${TIME_TO_POSTMORTEM_TARGET_DAYS}.`
      }
      target={`the meeting within ${TIME_TO_POSTMORTEM_TARGET_DAYS} business days of the incident ending`}
      status={metric.status}
      chart={
        <BarsChart
          rows={metric.rows}
          x={(r) => r.title}
          yLabel="Business days"
          series={[{ label: 'Business days to the meeting', value: (r) => r.businessDays }]}
          reference={{ y: TIME_TO_POSTMORTEM_TARGET_DAYS, label: `target ${TIME_TO_POSTMORTEM_TARGET_DAYS}` }}
        />
      }
      notes={
        metric.notHeld > 0 && (
          <p className="muted">
            {plural(metric.notHeld, 'postmortem')} not counted: the meeting has not been held, or the incident end is
            not known.
          </p>
        )
      }
      tables={
        <NumbersTable
          caption="Time to postmortem, per postmortem"
          columns={['Postmortem', 'Incident date', 'Business days', 'Within target']}
          rows={metric.rows.map((r) => [r.title, r.day, r.businessDays, r.onTarget ? 'Yes' : 'No'])}
        />
      }
      help="Business days (Monday to Friday) from the incident's resolved time, or its date, to the start of the meeting. Details fade fast: hold the meeting while people still remember."
    />
  );
}

export function CompletionCard({ metric }: { metric: M['completion'] }) {
  return (
    <MetricCard
      title="P0/P1 action items done on time"
      headline={
        metric.ratePercent === null
          ? 'No P0/P1 action item is due or done yet in this period.'
          : `${percent(metric.ratePercent)} done by their due date (${metric.onTime} of ${metric.counted}).`
      }
      target={`more than ${COMPLETION_TARGET_PERCENT}%`}
      status={metric.status}
      chart={
        <BarsChart
          rows={metric.byDueMonth}
          x={(r) => monthLabel(r.month)}
          yLabel="Action items"
          series={[
            { label: 'Done on time', value: (r) => r.onTime, stack: 'items', colour: '#009E73' },
            { label: 'Done late', value: (r) => r.late, stack: 'items', colour: '#E69F00' },
            { label: 'Overdue, not done', value: (r) => r.overdue, stack: 'items', colour: '#D55E00' },
          ]}
        />
      }
      notes={
        <p className="muted">
          Counted: P0/P1 items that are done or whose due date has passed ({metric.late} done late, {metric.overdue}{' '}
          overdue). Items not yet due are still in play and not counted
          {metric.undated > 0 && `; ${plural(metric.undated, 'item')} with no due date cannot be judged`}.
        </p>
      }
      tables={
        <NumbersTable
          caption="P0/P1 action items by the month they were due"
          columns={['Due month', 'Done on time', 'Done late', 'Overdue', 'On time']}
          rows={metric.byDueMonth.map((r) => [
            monthLabel(r.month),
            r.onTime,
            r.late,
            r.overdue,
            percent((r.onTime / (r.onTime + r.late + r.overdue)) * 100),
          ])}
        />
      }
      help="An action item left undone is worse than none: it makes people believe the risk is handled. P0 and P1 items are the ones that stop this incident from happening again."
    />
  );
}

export function RepeatCard({ metric }: { metric: M['repeats'] }) {
  const repeats = metric.rows.filter((r) => r.repeatedTags.length > 0);
  return (
    <MetricCard
      title="Repeat incidents"
      headline={
        metric.ratePercent === null
          ? 'No root cause has tags yet in this period.'
          : `${percent(metric.ratePercent)} repeat an earlier root cause (${metric.repeats} of ${metric.rows.length}).`
      }
      target={`less than ${REPEAT_TARGET_PERCENT}%`}
      status={metric.status}
      chart={
        <BarsChart
          rows={metric.tagCounts.slice(0, 10)}
          x={(r) => r.tag}
          yLabel="Postmortems"
          series={[
            { label: 'Postmortems with this root cause', value: (r) => r.postmortems },
            { label: 'Repeats', value: (r) => r.repeats },
          ]}
        />
      }
      notes={
        <>
          {repeats.length > 0 && (
            <ul className="metric-list">
              {repeats.slice(0, 5).map((r) => (
                <li key={r.docId}>
                  “{r.title}” ({r.day}) repeats {r.repeatedTags.join(', ')}, first seen in “{r.repeatOf.join('”, “')}”.
                </li>
              ))}
            </ul>
          )}
          {metric.untagged > 0 && (
            <p className="muted">
              {plural(metric.untagged, 'postmortem')} in this period {metric.untagged === 1 ? 'has' : 'have'} no tagged
              root cause and {metric.untagged === 1 ? 'is' : 'are'} not counted: tag root causes to see repeats.
            </p>
          )}
        </>
      }
      tables={
        <NumbersTable
          caption="Root-cause tags in this period"
          columns={['Tag', 'Postmortems', 'Repeats']}
          rows={metric.tagCounts.map((t) => [t.tag, t.postmortems, t.repeats])}
        />
      }
      help="A postmortem counts as a repeat when one of its root causes carries a tag that an earlier incident's root cause already had. Out of the postmortems with tagged root causes."
    />
  );
}

const TREND_TEXT = { up: '↑ up', down: '↓ down', flat: '→ flat', 'not-enough-data': 'not enough data' } as const;

export function MtbiCard({ metric }: { metric: M['mtbi'] }) {
  const judged = metric.services.filter((s) => s.trend !== 'not-enough-data');
  return (
    <MetricCard
      title="Mean time between incidents, per service"
      headline={
        judged.length === 0
          ? 'A trend needs incidents of one service in two quarters.'
          : `Trending up for ${judged.filter((s) => s.trend === 'up').length} of ${plural(judged.length, 'service')}.`
      }
      target="trending up (longer between incidents) for every service"
      status={metric.status}
      chart={
        <LinesChart
          rows={metric.byQuarter}
          x={(r) => quarterLabel(r.quarter)}
          yLabel="Days between"
          series={metric.services.map((s, i) => ({
            label: s.service,
            value: (r: M['mtbi']['byQuarter'][number]) => r.meanDays[i] ?? null,
          }))}
        />
      }
      tables={
        <NumbersTable
          caption="Mean days between incidents, per service and quarter"
          columns={['Service', ...metric.quarters.map(quarterLabel), 'Whole period', 'Incidents', 'Trend']}
          rows={metric.services.map((s, i) => [
            s.service,
            ...metric.byQuarter.map((q) => {
              const v = q.meanDays[i];
              return v === null || v === undefined ? '—' : num(v);
            }),
            s.meanDays === null ? '—' : num(s.meanDays),
            s.incidents,
            TREND_TEXT[s.trend],
          ])}
        />
      }
      help="Days from one incident of a service to its next, averaged over the gaps that ended in each quarter. The trend compares a service's last two quarters with a value."
    />
  );
}

export function FrequencyCard({ metric }: { metric: M['frequency'] }) {
  return (
    <MetricCard
      title="Incidents per month"
      headline={`Average per month (λ): ${lambda(metric.lambda)}; chance of a month with none: ${percent(metric.chanceOfQuietMonth * 100)}.`}
      target="none fixed: fewer is better"
      status="no-target"
      chart={
        <>
          <BarsChart
            rows={metric.perMonth}
            x={(r) => monthLabel(r.month)}
            yLabel="Incidents"
            series={[{ label: 'Incidents', value: (r) => r.incidents }]}
            reference={{ y: metric.lambda, label: `λ ${lambda(metric.lambda)}` }}
          />
          <BarsChart
            rows={metric.distribution}
            x={(r) => String(r.k)}
            yLabel="% of months"
            format={(v) => `${num(v)}%`}
            series={[
              { label: 'Poisson chance of k incidents', value: (r) => r.expectedPercent },
              { label: 'Months that had k', value: (r) => r.observedPercent },
            ]}
          />
        </>
      }
      tables={
        <>
          <NumbersTable
            caption="Incidents per month"
            columns={['Month', 'Incidents']}
            rows={metric.perMonth.map((r) => [monthLabel(r.month), r.incidents])}
          />
          <NumbersTable
            caption="Months with k incidents: Poisson chance and what happened"
            columns={['Incidents in a month (k)', 'Poisson chance', 'Months that had k']}
            rows={metric.distribution.map((r) => [r.k, percent(r.expectedPercent), percent(r.observedPercent)])}
          />
        </>
      }
      help={
        <>
          Incidents tend to arrive at random, like calls to a help desk, so the Poisson model fits: if λ is the average
          per month, the chance of exactly k in a month is λ<sup>k</sup> e<sup>−λ</sup> / k!. A team that averages three
          incidents a month has e<sup>−3</sup>, about a 5% chance, of a month with none: one month in twenty. Only
          lowering λ changes that.
        </>
      }
    />
  );
}

export function ErrorBudgetCard({ metric }: { metric: M['errorBudget'] }) {
  return (
    <MetricCard
      title="Error budget consumed, per service and month"
      headline={
        metric.status === 'no-data'
          ? 'No postmortem in this period has an SLO and an impact time.'
          : metric.overBudget.length === 0
            ? 'No service used up its budget in a month.'
            : `${plural(metric.overBudget.length, 'service-month')} over budget: ${metric.overBudget
                .map((o) => `${o.service} in ${monthLabel(o.month)} (${percent(o.consumedPercent)})`)
                .join(', ')}.`
      }
      target="no service over 100% of its budget in a month"
      status={metric.status}
      chart={
        <BarsChart
          rows={metric.byMonth}
          x={(r) => monthLabel(r.month)}
          yLabel="% of budget"
          format={(v) => `${num(v)}%`}
          series={metric.services.map((s, i) => ({
            label: s,
            value: (r: M['errorBudget']['byMonth'][number]) => r.consumedPercent[i] ?? 0,
          }))}
          reference={{ y: 100, label: 'whole budget' }}
        />
      }
      notes={
        metric.notComputable > 0 && (
          <p className="muted">
            {plural(metric.notComputable, 'postmortem')} not counted: no SLO target, or no impact time on the timeline.
          </p>
        )
      }
      tables={
        <NumbersTable
          caption="Error budget consumed, per month and service"
          columns={['Month', ...metric.services]}
          rows={metric.byMonth.map((r) => [monthLabel(r.month), ...r.consumedPercent.map((p) => percent(p))])}
        />
      }
      help="Each postmortem's SLO impact, added up per service for the month of the incident. Over 100% means the service spent more than its whole budget: its P0 action items come before new features."
    />
  );
}
