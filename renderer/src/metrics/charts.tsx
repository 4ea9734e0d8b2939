/**
 * The two chart shapes the dashboard uses, over recharts (SVG: crisp when the screen is
 * shared). Type is large, lines are thick, and series differ by dash and marker as well
 * as colour (Okabe-Ito colours, which colour-blind readers can tell apart). Animations
 * are off: a chart that moves compresses badly in a video call.
 */
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';

export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C6D00'];
const DASHES = ['', '8 4', '2 4', '12 4 2 4', '4 4', '16 6', '1 3'];
const colour = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length] ?? '#0072B2';

export interface Series<Row> {
  label: string;
  value: (row: Row) => number | null;
  /** Bars with the same stack id are stacked. */
  stack?: string;
  colour?: string;
}

export interface Reference {
  y: number;
  label: string;
}

interface ChartProps<Row> {
  rows: readonly Row[];
  x: (row: Row) => string;
  series: readonly Series<Row>[];
  yLabel: string;
  reference?: Reference;
  /** Formats a value for the axis and the tooltip. */
  format?: (value: number) => string;
  height?: number;
}

const TICK = { fill: 'currentColor', fontSize: 16 };
const MARGIN = { top: 16, right: 24, bottom: 8, left: 8 };

function axes<Row>({ x, yLabel, format, reference }: ChartProps<Row>) {
  return [
    <CartesianGrid key="grid" strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.25} />,
    <XAxis key="x" dataKey={x} tick={TICK} stroke="currentColor" interval="preserveStartEnd" />,
    <YAxis
      key="y"
      tick={TICK}
      stroke="currentColor"
      allowDecimals={false}
      width={64}
      {...(format ? { tickFormatter: (v: number) => format(v) } : {})}
      label={{ value: yLabel, angle: -90, position: 'insideLeft', fill: 'currentColor', fontSize: 15, dy: 60 }}
    />,
    <Tooltip
      key="tooltip"
      contentStyle={{ fontSize: 16 }}
      {...(format ? { formatter: (v: unknown) => (typeof v === 'number' ? format(v) : String(v)) } : {})}
    />,
    <Legend key="legend" wrapperStyle={{ fontSize: 16 }} itemSorter={null} />,
    reference ? (
      <ReferenceLine
        key="reference"
        y={reference.y}
        stroke="currentColor"
        strokeWidth={2}
        strokeDasharray="6 4"
        label={{ value: reference.label, position: 'insideTopRight', fill: 'currentColor', fontSize: 15 }}
        ifOverflow="extendDomain"
      />
    ) : null,
  ];
}

export function BarsChart<Row>(props: ChartProps<Row>) {
  const { rows, series, height = 280 } = props;
  return (
    <BarChart data={[...rows]} width="100%" height={height} responsive accessibilityLayer={false} margin={MARGIN}>
      {axes(props)}
      {series.map((s, i) => (
        <Bar
          key={s.label}
          name={s.label}
          dataKey={s.value}
          fill={s.colour ?? colour(i)}
          stroke="currentColor"
          strokeWidth={1}
          isAnimationActive={false}
          {...(s.stack ? { stackId: s.stack } : {})}
        />
      ))}
    </BarChart>
  );
}

export function LinesChart<Row>(props: ChartProps<Row>) {
  const { rows, series, height = 280 } = props;
  return (
    <LineChart data={[...rows]} width="100%" height={height} responsive accessibilityLayer={false} margin={MARGIN}>
      {axes(props)}
      {series.map((s, i) => (
        <Line
          key={s.label}
          name={s.label}
          dataKey={s.value}
          stroke={s.colour ?? colour(i)}
          strokeWidth={3}
          strokeDasharray={DASHES[i % DASHES.length] ?? ''}
          dot={{ r: 5 + (i % 3), strokeWidth: 2 }}
          connectNulls
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}
