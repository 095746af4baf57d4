import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';

import type { TrendChartData } from '../trend-rows';
import { chartColours as colours } from './score-chart-rows';

/** The trend chart's drawing (recharts, a large library): loaded only when it comes into view. */
export function TrendChartDrawing({ data, height }: { data: TrendChartData; height: number }) {
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
      <LineChart
        data={data.rows}
        margin={{ top: 24, right: 24, bottom: 8, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke="#d8dde0" />
        <XAxis dataKey="name" stroke="#4c6272" tick={{ fill: '#212b32', fontSize: 14 }} interval={0} />
        <YAxis
          domain={[1, 5]}
          ticks={[1, 2, 3, 4, 5]}
          width={32}
          stroke="#4c6272"
          tick={{ fill: '#212b32' }}
        />
        {data.breaks.map((name) => (
          <ReferenceLine
            key={name}
            x={name}
            stroke={colours.ics}
            strokeDasharray="2 4"
            label={{ value: 'Break', position: 'top', fill: colours.ics, fontSize: 14 }}
          />
        ))}
        {data.englandRuns.map((key) => (
          <Line
            key={key}
            dataKey={key}
            stroke={colours.national}
            strokeDasharray="6 4"
            strokeWidth={2}
            dot={{ r: 4, fill: colours.national }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
        {data.trustRuns.map((key) => (
          <Line
            key={key}
            dataKey={key}
            stroke={colours.score}
            strokeWidth={3}
            dot={{ r: 6, fill: colours.score, stroke: '#ffffff', strokeWidth: 2 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
