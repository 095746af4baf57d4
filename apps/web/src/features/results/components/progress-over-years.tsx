import type {
  CareSetting,
  MeasureId,
  NationalTrends,
  TrendChange,
  TrendCycle,
  TrendSeriesKey,
  TrustTrends,
} from '@wgll/contracts';
import { formatScore } from '@wgll/scoring';
import { Select, Table } from 'nhsuk-react-components';
import { lazy, type ReactNode, Suspense, useState } from 'react';

import { WideTable } from '../../../components/table-scroll';
import { careSettingLabels } from '../../../lib/format';
import { useNationalTrends, useTrustTrends } from '../api/results-api';
import { csvScore, fileSafe } from '../csv';
import { distributionFigure } from '../figures';
import { measureIds, measureNames } from '../results-labels';
import {
  nationalTrendRows,
  trendChartData,
  trendSeriesNames,
  type TrendSeriesSet,
  trustTrendRows,
} from '../trend-rows';
import { trendAbout } from '../table-about';
import { TableDownloads } from './table-downloads';
import { chartColours as colours } from './score-chart-rows';
import { useNearWindow } from './score-chart';

const TrendChartDrawing = lazy(() =>
  import('./trend-chart-drawing').then((module) => ({ default: module.TrendChartDrawing })),
);

const SERIES_KEYS = Object.keys(trendSeriesNames) as TrendSeriesKey[];

/** `+0.3`, `−0.2`, `0.0`: a change, signed. */
function signed(change: number | null): string {
  if (change === null) return '–';
  const text = formatScore(Math.abs(change));
  if (text === '0.0') return '0.0';
  return change > 0 ? `+${text}` : `−${text}`;
}

export function ChangeSinceLast({ trends }: { trends: { change: TrendChange | null } }) {
  const change = trends.change;
  if (!change) return null;
  return (
    <div data-testid="trend-change">
      <h3>Change since the last cycle</h3>
      <p>
        From {change.previous.name} to {change.current.name}.{' '}
        {change.comparable ? (
          <>
            Compares <strong>{change.label}</strong>.
          </>
        ) : (
          <>
            No change is worked out: <strong>{change.label}</strong>
          </>
        )}
      </p>
      {change.comparable ? (
        <ul>
          <li>Overall score: {signed(change.overall)}</li>
          {measureIds.map((m) => (
            <li key={m}>
              {measureNames[m]}: {signed(change.measures[m])}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function TrendChart({
  trends,
  national,
  name,
  lineLabel = name,
  subject = `${name}’s`,
}: {
  trends: TrendSeriesSet;
  national: NationalTrends | undefined;
  name: string;
  /** The legend's words for the line (default: the name). */
  lineLabel?: string;
  /** Whose figures the caption names (default: "{name}’s"). */
  subject?: string;
}) {
  const [key, setKey] = useState<TrendSeriesKey>('overall');
  const data = trendChartData(trends, national, key);
  const height = 300;
  const { ref, near } = useNearWindow('200px 0px');
  const waiting = <p className="nhsuk-body-s wgll-no-print">Loading the chart…</p>;
  return (
    <>
      <Select
        id="trend-series"
        label="Show in the chart"
        labelProps={{ size: 's' }}
        value={key}
        onChange={(event) => setKey(event.target.value as TrendSeriesKey)}
      >
        {SERIES_KEYS.filter((k) => trends.measures.some((m) => m.key === k)).map((k) => (
          <option key={k} value={k}>
            {trendSeriesNames[k]}
          </option>
        ))}
      </Select>
      <figure className="wgll-chart">
        <figcaption className="nhsuk-body-s">
          Chart: {subject} {trendSeriesNames[key].toLowerCase()} in each cycle on the 1 to 5 scale
          {data.englandRuns.length > 0 ? ', with the median in England' : ''}. Where the line stops at a
          marked break, the figures either side come from different instruments and are not compared. The
          table below gives the same figures and says why each break is there.
        </figcaption>
        <div aria-hidden="true">
          <div ref={ref} style={{ minHeight: height }}>
            {near ? (
              <Suspense fallback={waiting}>
                <TrendChartDrawing data={data} height={height} />
              </Suspense>
            ) : (
              waiting
            )}
          </div>
          <ul className="wgll-chart-legend">
            <li>
              <svg width="28" height="14" focusable="false">
                <line x1="0" y1="7" x2="28" y2="7" stroke={colours.score} strokeWidth="3" />
              </svg>
              {lineLabel}
            </li>
            {data.englandRuns.length > 0 && (
              <li>
                <svg width="28" height="14" focusable="false">
                  <line
                    x1="0"
                    y1="7"
                    x2="28"
                    y2="7"
                    stroke={colours.national}
                    strokeWidth="2"
                    strokeDasharray="6 4"
                  />
                </svg>
                Median in England
              </li>
            )}
            {data.breaks.length > 0 && (
              <li>
                <svg width="14" height="20" focusable="false">
                  <line
                    x1="7"
                    y1="0"
                    x2="7"
                    y2="20"
                    stroke={colours.ics}
                    strokeWidth="2"
                    strokeDasharray="2 4"
                  />
                </svg>
                Break: figures not compared
              </li>
            )}
          </ul>
        </div>
      </figure>
    </>
  );
}

/** One numeric cell per measure. */
export function MeasureCells({ figure }: { figure: (measure: MeasureId) => string }) {
  return measureIds.map((m) => (
    <Table.Cell key={m} format="numeric">
      {figure(m)}
    </Table.Cell>
  ));
}

/** While the trends load, or why they did not. */
export function TrendsLoading({ query }: { query: { isPending: boolean; isError: boolean } }) {
  if (query.isPending) return <p>Loading the figures from earlier cycles…</p>;
  if (query.isError) return <p>The figures from earlier cycles could not be loaded. Try again later.</p>;
  return null;
}

/** Fewer than two cycles: nothing moves yet. */
export function FewCycles({ name, cycles, what }: { name: string; cycles: TrendCycle[]; what: string }) {
  return (
    <p>
      {cycles.length === 0
        ? `${name} has no results for this care setting yet.`
        : `${name} has results for one cycle so far (${cycles[0]!.name}).`}{' '}
      Once a second cycle has results, from NHS England’s published assessment or a return the board has
      approved and submitted, this section shows how the {what} moved, and says where two cycles cannot be
      compared.
    </p>
  );
}

/** The row before a cycle whose figures are not joined to those above it, saying why. */
export function BreakRow({
  row,
  columns,
}: {
  row: { cycle: { name: string }; reason: string };
  columns: number;
}) {
  return (
    <tr className="nhsuk-table__row wgll-trend-break">
      <td className="nhsuk-table__cell" colSpan={columns}>
        <strong>Break before {row.cycle.name}:</strong> {row.reason}
      </td>
    </tr>
  );
}

function TrustTrendTable({
  trends,
  name,
  filePrefix,
}: {
  trends: TrustTrends;
  name: string;
  filePrefix: string;
}) {
  const rows = trustTrendRows(trends);
  const keys = trends.measures.map((m) => m.key);
  const columns = 2 + keys.length;
  const header = [
    'Cycle',
    'Source of the figures',
    ...keys.map((k) => trendSeriesNames[k]),
    'Break before this cycle',
  ];
  const csvRows = rows.flatMap((row, i) =>
    row.kind === 'cycle'
      ? [
          [
            row.cycle.name,
            row.instrument,
            ...keys.map((k) => csvScore(row.values[k])),
            rows[i - 1]?.kind === 'break' ? (rows[i - 1] as { reason: string }).reason : '',
          ],
        ]
      : [],
  );
  return (
    <>
      <WideTable caption={`${name}: scores in each cycle`} firstCellIsHeader>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Cycle</Table.Cell>
            <Table.Cell>Source of the figures</Table.Cell>
            {keys.map((k) => (
              <Table.Cell key={k} format="numeric">
                {trendSeriesNames[k]}
              </Table.Cell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) =>
            row.kind === 'break' ? (
              <BreakRow key={`break-${row.cycle.name}`} row={row} columns={columns} />
            ) : (
              <Table.Row key={row.cycle.name}>
                <Table.Cell>{row.cycle.name}</Table.Cell>
                <Table.Cell>{row.instrument}</Table.Cell>
                {keys.map((k) => (
                  <Table.Cell key={k} format="numeric">
                    {formatScore(row.values[k])}
                  </Table.Cell>
                ))}
              </Table.Row>
            ),
          )}
        </Table.Body>
      </WideTable>
      <p className="wgll-figure-basis">{trends.basis}</p>
      <TableDownloads
        tableName="scores in each cycle"
        fileName={`${filePrefix}-scores`}
        header={header}
        rows={csvRows}
        about={trendAbout(`${name}: scores in each cycle`, trends.basis)}
      />
    </>
  );
}

export function NationalTrendTable({
  national,
  filePrefix,
}: {
  national: NationalTrends;
  filePrefix: string;
}) {
  const rows = nationalTrendRows(national);
  const header = [
    'Cycle',
    ...measureIds.flatMap((m) => [`${measureNames[m]} median`, `${measureNames[m]} organisations`]),
  ];
  const csvRows = rows.flatMap((row) =>
    row.kind === 'cycle'
      ? [
          [
            row.cycle.name,
            ...measureIds.flatMap((m) => {
              const d = row.point.measures[m];
              return [csvScore(d.median, d), d.count];
            }),
          ],
        ]
      : [],
  );
  const setting = careSettingLabels[national.careSetting].toLowerCase();
  return (
    <>
      <WideTable caption={`England: median of ${setting} providers in each cycle`} firstCellIsHeader>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Cycle</Table.Cell>
            <MeasureCells figure={(m) => measureNames[m]} />
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) =>
            row.kind === 'break' ? (
              <BreakRow key={`break-${row.cycle.name}`} row={row} columns={1 + measureIds.length} />
            ) : (
              <Table.Row key={row.cycle.name}>
                <Table.Cell>{row.cycle.name}</Table.Cell>
                <MeasureCells figure={(m) => distributionFigure(row.point.measures[m], 'median')} />
              </Table.Row>
            ),
          )}
        </Table.Body>
      </WideTable>
      <p className="wgll-figure-basis">{national.basis}</p>
      <TableDownloads
        tableName="England's medians"
        fileName={`${filePrefix}-england`}
        header={header}
        rows={csvRows}
        about={trendAbout(`England: median of ${setting} providers in each cycle`, national.basis)}
      />
    </>
  );
}

function DomainTrendTable({
  trends,
  name,
  filePrefix,
}: {
  trends: TrustTrends;
  name: string;
  filePrefix: string;
}) {
  const cycles = trends.cycles.filter((c) =>
    trends.domains.some((d) => d.points.some((p) => p.cycle.name === c.name)),
  );
  const noteOf = (domain: TrustTrends['domains'][number]) =>
    [
      ...domain.points.flatMap((p) => (p.break ? [`Break before ${p.cycle.name}: ${p.break.reason}`] : [])),
      domain.ended ?? '',
    ]
      .filter(Boolean)
      .join(' ');
  const level = (domain: TrustTrends['domains'][number], cycle: string) => {
    const point = domain.points.find((p) => p.cycle.name === cycle);
    if (!point) return '';
    return point.value === null ? 'Not applicable' : String(point.value);
  };
  const header = ['Domain', 'Measure', ...cycles.map((c) => c.name), 'Notes'];
  const csvRows = trends.domains.map((d) => [
    d.title,
    measureNames[d.measure],
    ...cycles.map((c) => level(d, c.name)),
    noteOf(d),
  ]);
  return (
    <>
      <WideTable caption={`${name}: domain levels in each sealed return`} firstCellIsHeader>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Domain</Table.Cell>
            {cycles.map((c) => (
              <Table.Cell key={c.name} format="numeric">
                {c.name}
              </Table.Cell>
            ))}
            <Table.Cell>Notes</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {trends.domains.map((d) => (
            <Table.Row key={`${d.lineageId}-${d.domainId}`}>
              <Table.Cell>{d.title}</Table.Cell>
              {cycles.map((c) => (
                <Table.Cell key={c.name} format="numeric">
                  {level(d, c.name) || '–'}
                </Table.Cell>
              ))}
              <Table.Cell>{noteOf(d)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </WideTable>
      <TableDownloads
        tableName="domain levels in each cycle"
        fileName={`${filePrefix}-domains`}
        header={header}
        rows={csvRows}
        about={trendAbout(
          `${name}: domain levels in each sealed return`,
          'Each domain’s level in each of the organisation’s sealed returns; domains are matched across framework versions by their lineage, and the Notes column says where one changed',
        )}
      />
    </>
  );
}

/** "Progress over the years" on a trust's results page: one care setting, every cycle with results. */
/**
 * A "Progress over the years" section whose figures are asked for and drawn only when it comes near
 * the window: it sits below the cycle's own results, and its tables would otherwise hold up the page.
 */
export function ProgressSection({ before, children }: { before?: ReactNode; children: ReactNode }) {
  const { ref, near } = useNearWindow('600px');
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">Progress over the years</h2>
      {before}
      <div ref={ref}>
        {near ? children : <p>The figures for every cycle load when you reach this part of the page.</p>}
      </div>
    </section>
  );
}

interface TrustProgressProps {
  code: string;
  careSetting: CareSetting | null;
  name: string;
}

export function ProgressOverYears(props: TrustProgressProps) {
  return (
    <ProgressSection>
      <TrustProgress {...props} />
    </ProgressSection>
  );
}

function TrustProgress({ code, careSetting, name }: TrustProgressProps) {
  const trends = useTrustTrends(code, careSetting);
  const national = useNationalTrends(trends.data?.careSetting ?? careSetting);
  const data = trends.data;
  const filePrefix = `trends-${code}-${fileSafe(data?.careSetting ?? 'all')}`;
  return (
    <>
      <TrendsLoading query={trends} />
      {data && data.cycles.length < 2 ? <FewCycles name={name} cycles={data.cycles} what="scores" /> : null}
      {data && data.cycles.length >= 2 ? (
        <>
          <p>
            {careSettingLabels[data.careSetting!]} scores in every cycle with results. A break means the
            figures either side come from different instruments (NHS England’s national assessment, or another
            version of our question bank) and are not compared.
          </p>
          <ChangeSinceLast trends={data} />
          <TrendChart trends={data} national={national.data} name={name} />
          <TrustTrendTable trends={data} name={name} filePrefix={filePrefix} />
          {national.data ? <NationalTrendTable national={national.data} filePrefix={filePrefix} /> : null}
          {data.domains.length > 0 ? (
            <>
              <h3>Domain levels over the years</h3>
              <p>
                Domains are followed across versions of the question bank: a domain that kept its meaning
                joins up; one whose levels changed, or that was split or merged, starts again after a break.
              </p>
              <DomainTrendTable trends={data} name={name} filePrefix={filePrefix} />
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
