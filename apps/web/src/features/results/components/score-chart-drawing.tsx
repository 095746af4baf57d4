import { Bar, CartesianGrid, ComposedChart, ResponsiveContainer, Scatter, XAxis, YAxis } from 'recharts';

import { chartColours as colours, type ChartRow as Row } from './score-chart-rows';

interface MarkProps {
  cx?: number;
  cy?: number;
  payload?: Row;
}

/** A custom mark is drawn only where the value exists (suppressed and missing figures have none). */
function drawn(props: MarkProps, key: 'national' | 'ics' | 'score'): props is Required<MarkProps> {
  return (
    props.payload?.[key] !== null &&
    props.payload?.[key] !== undefined &&
    Number.isFinite(props.cx) &&
    Number.isFinite(props.cy)
  );
}

function NationalMark(props: MarkProps) {
  if (!drawn(props, 'national')) return <g />;
  return <rect x={props.cx - 2} y={props.cy - 14} width={4} height={28} fill={colours.national} />;
}

/** Above the bar, pointing down at the value, so it never hides under the organisation's dot. */
function IcsMark(props: MarkProps) {
  if (!drawn(props, 'ics')) return <g />;
  const { cx, cy } = props;
  return (
    <path
      d={`M ${cx} ${cy - 12} L ${cx + 8} ${cy - 24} L ${cx - 8} ${cy - 24} Z`}
      fill={colours.ics}
      stroke={colours.ics}
      strokeWidth={1}
    />
  );
}

function ScoreMark(props: MarkProps) {
  if (!drawn(props, 'score')) return <g />;
  return <circle cx={props.cx} cy={props.cy} r={7} fill={colours.score} stroke="#ffffff" strokeWidth={2} />;
}

/** The chart's drawing (recharts, a large library): loaded only when the chart comes into view. */
export function ScoreChartDrawing({ rows, height }: { rows: Row[]; height: number }) {
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height: 440 }}>
      <ComposedChart
        layout="vertical"
        data={rows}
        margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke="#d8dde0" />
        <XAxis
          type="number"
          domain={[1, 5]}
          ticks={[1, 2, 3, 4, 5]}
          stroke="#4c6272"
          tick={{ fill: '#212b32' }}
        />
        <YAxis
          type="category"
          dataKey="name"
          width={190}
          stroke="#4c6272"
          tick={{ fill: '#212b32', fontSize: 15 }}
          interval={0}
        />
        <Bar
          dataKey="range"
          fill={colours.range}
          stroke={colours.rangeEdge}
          barSize={20}
          isAnimationActive={false}
        />
        <Scatter dataKey="national" shape={NationalMark} isAnimationActive={false} />
        <Scatter dataKey="ics" shape={IcsMark} isAnimationActive={false} />
        <Scatter dataKey="score" shape={ScoreMark} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
