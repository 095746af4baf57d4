import type { TrustResults } from '@wgll/contracts';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';

import { chartColours as colours, chartRows, type ChartRow } from './score-chart-rows';

// The charting library is large: its code loads when the chart comes near the window, so the page,
// and the table with the same figures, show without waiting for it.
const ScoreChartDrawing = lazy(() =>
  import('./score-chart-drawing').then((module) => ({ default: module.ScoreChartDrawing })),
);

/** True once the element has come within `margin` of the window (at once where that cannot be told). */
export function useNearWindow(margin: string) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    // Printing shows the whole page: draw the chart even if it was never scrolled to.
    const print = () => setNear(true);
    window.addEventListener('beforeprint', print);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', print);
    };
  }, [near, margin]);
  return { ref, near };
}

type Drawn = Record<'range' | 'national' | 'ics' | 'score', boolean>;

/** What the chart draws somewhere: the legend and caption name only these. */
function drawnMarks(rows: ChartRow[]): Drawn {
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
 * gives the same figures; the drawing itself is hidden from them. The drawing's space is kept while
 * its code loads, so nothing below it moves.
 */
export function ScoreChart({ results, name }: ScoreChartProps) {
  const rows = chartRows(results);
  const drawn = drawnMarks(rows);
  const height = rows.length * 64 + 48;
  const { ref, near } = useNearWindow('200px 0px');
  const waiting = <p className="nhsuk-body-s wgll-no-print">Loading the chart…</p>;
  return (
    <figure className="wgll-chart">
      <figcaption className="nhsuk-body-s">
        Chart: {name}’s score in each success measure on the 1 to 5 scale{againstWhat(drawn)}. The table below
        gives the same figures.
      </figcaption>
      <div aria-hidden="true">
        <div ref={ref} style={{ minHeight: height }}>
          {near ? (
            <Suspense fallback={waiting}>
              <ScoreChartDrawing rows={rows} height={height} />
            </Suspense>
          ) : (
            waiting
          )}
        </div>
        <Legend drawn={drawn} />
      </div>
    </figure>
  );
}
