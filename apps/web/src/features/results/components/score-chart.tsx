import type { TrustResults } from '@wgll/contracts';
import { Bar, CartesianGrid, ComposedChart, ResponsiveContainer, Scatter, XAxis, YAxis } from 'recharts';

import { measureNames } from '../results-labels';

/** The chart's marks: dark enough against white (3:1 or more), and told apart by shape too. */
const colours = {
  range: '#d8dde0',
  rangeEdge: '#4c6272',
  national: '#212b32',
  ics: '#7c2855',
  score: '#005eb8',
};

interface Row {
  name: string;
  range: [number, number] | null;
  national: number | null;
  ics: number | null;
  score: number | null;
}

function chartRows(results: TrustResults): Row[] {
  return results.measures.map((item) => {
    const { national, ics } = item;
    const showNational = !national.suppressed;
    return {
      name: measureNames[item.measure],
      range:
        showNational && national.lowerQuartile !== null && national.upperQuartile !== null
          ? [national.lowerQuartile, national.upperQuartile]
          : null,
      national: showNational ? national.median : null,
      ics: ics.suppressed ? null : ics.median,
      score: item.score,
    };
  });
}

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

type Drawn = Record<'range' | 'national' | 'ics' | 'score', boolean>;

/** What the chart draws somewhere: the legend and caption name only these. */
function drawnMarks(rows: Row[]): Drawn {
  return {
    range: rows.some((row) => row.range !== null),
    national: rows.some((row) => row.national !== null),
    ics: rows.some((row) => row.ics !== null),
    score: rows.some((row) => row.score !== null),
  };
}

/** Lists only the marks the chart draws. */
function Legend({ drawn }: { drawn: Drawn }) {
  return (
    <ul className="wgll-chart-legend" data-testid="chart-legend">
      {drawn.range && (
        <li>
          <svg width="28" height="16" focusable="false">
            <rect x="1" y="3" width="26" height="10" fill={colours.range} stroke={colours.rangeEdge} />
          </svg>
          Middle half of organisations in England (lower to upper quartile)
        </li>
      )}
      {drawn.national && (
        <li>
          <svg width="12" height="20" focusable="false">
            <rect x="4" y="0" width="4" height="20" fill={colours.national} />
          </svg>
          Median in England
        </li>
      )}
      {drawn.ics && (
        <li>
          <svg width="18" height="14" focusable="false">
            <path d="M 9 13 L 17 1 L 1 1 Z" fill={colours.ics} />
          </svg>
          Median in the ICS
        </li>
      )}
      {drawn.score && (
        <li>
          <svg width="18" height="18" focusable="false">
            <circle cx="9" cy="9" r="7" fill={colours.score} />
          </svg>
          This organisation’s score
        </li>
      )}
    </ul>
  );
}

/** `against the middle half and the median of organisations in England and the median in its ICS`, as drawn. */
function againstWhat(drawn: Drawn): string {
  const england = [drawn.range && 'the middle half', drawn.national && 'the median'].filter(Boolean);
  const parts = [
    england.length > 0 && `${england.join(' and ')} of organisations in England`,
    drawn.ics && 'the median in its ICS',
  ].filter(Boolean);
  return parts.length > 0 ? `, against ${parts.join(' and ')}` : '';
}

interface ScoreChartProps {
  results: TrustResults;
  /** The organisation's name, for the caption. */
  name: string;
}

/**
 * Each measure's score against the national quartiles and medians and the ICS median, on the 1–5
 * scale: a chart for a board paper. Screen readers get the caption and the table beside it, which
 * gives the same figures; the drawing itself is hidden from them.
 */
export function ScoreChart({ results, name }: ScoreChartProps) {
  const rows = chartRows(results);
  const drawn = drawnMarks(rows);
  return (
    <figure className="wgll-chart">
      <figcaption className="nhsuk-body-s">
        Chart: {name}’s score in each success measure on the 1 to 5 scale{againstWhat(drawn)}. The table below
        gives the same figures.
      </figcaption>
      <div aria-hidden="true">
        <ResponsiveContainer
          width="100%"
          height={rows.length * 64 + 48}
          initialDimension={{ width: 640, height: 440 }}
        >
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
        <Legend drawn={drawn} />
      </div>
    </figure>
  );
}
