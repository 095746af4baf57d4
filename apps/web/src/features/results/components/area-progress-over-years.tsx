import type { AreaTrends, CareSetting, Distribution, TrendBoundaries } from '@wgll/contracts';
import { formatScore } from '@wgll/scoring';
import { Button, Radios, Table } from 'nhsuk-react-components';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';

import { WideTable } from '../../../components/table-scroll';
import { careSettingLabels, readableName } from '../../../lib/format';
import { useAreaTrends, useNationalTrends } from '../api/results-api';
import { csvScore, fileSafe } from '../csv';
import { distributionFigure } from '../figures';
import { measureIds, measureNames } from '../results-labels';
import { trustTrendRows } from '../trend-rows';
import { trendAbout } from '../table-about';
import { TableDownloads } from './table-downloads';
import {
  BreakRow,
  ChangeSinceLast,
  FewCycles,
  MeasureCells,
  NationalTrendTable,
  ProgressSection,
  TrendChart,
  TrendsLoading,
} from './progress-over-years';

const boundaryLabels: Record<TrendBoundaries, string> = {
  today: 'On today’s boundaries',
  then: 'As it was then',
};

const boundaryHints: Record<TrendBoundaries, string> = {
  today: 'Every cycle from the organisations in the ICS today, whichever ICS they were in then',
  then: 'Each cycle from the ICS, or the ICSs it was formed from, with their members at the time',
};

/** `?boundaries=`: `then` when the address says so, else `today`. */
export function useBoundariesParam(): TrendBoundaries {
  const [searchParams] = useSearchParams();
  return searchParams.get('boundaries') === 'then' ? 'then' : 'today';
}

/** Radios and a button: sets `?boundaries=` in the address, keeping the rest of it. */
function BoundariesSwitch({ value }: { value: TrendBoundaries }) {
  const [searchParams, setSearchParams] = useSearchParams();
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams(searchParams);
    const picked = new FormData(event.currentTarget).get('boundaries');
    next.set('boundaries', picked === 'then' ? 'then' : 'today');
    setSearchParams(next, { preventScrollReset: true });
  }
  return (
    <form method="get" noValidate onSubmit={handleSubmit} key={value}>
      <Radios
        name="boundaries"
        legend="Which organisations make each cycle’s figures"
        legendProps={{ size: 's' }}
      >
        {(['today', 'then'] as const).map((option) => (
          <Radios.Item
            key={option}
            id={option === 'today' ? 'boundaries' : 'boundaries-then'}
            value={option}
            defaultChecked={value === option}
            hint={boundaryHints[option]}
          >
            {boundaryLabels[option]}
          </Radios.Item>
        ))}
      </Radios>
      <Button type="submit" secondary>
        Show these figures
      </Button>
    </form>
  );
}

interface TableProps {
  trends: AreaTrends;
  name: string;
  filePrefix: string;
}

const median = (d: Distribution) => distributionFigure(d, 'median');

function AreaTrendTable({ trends, name, filePrefix }: TableProps) {
  const rows = trustTrendRows(trends);
  const pointOf = (cycle: string) => trends.points.find((p) => p.cycle.name === cycle)!;
  const withAreas = trends.area.type === 'ics';
  const areasOf = (cycle: string) =>
    pointOf(cycle)
      .areas.map((a) => `${readableName(a.name)} (${a.odsCode})`)
      .join(', ');
  const columns = 4 + (withAreas ? 1 : 0) + measureIds.length;
  const header = [
    'Cycle',
    'Source of the figures',
    ...(withAreas ? ['ICSs'] : []),
    'Organisations',
    'Overall score median',
    ...measureIds.map((m) => `${measureNames[m]} median`),
    'Break before this cycle',
  ];
  const csvRows = rows.flatMap((row, i) => {
    if (row.kind !== 'cycle') return [];
    const point = pointOf(row.cycle.name);
    return [
      [
        row.cycle.name,
        row.instrument,
        ...(withAreas ? [areasOf(row.cycle.name)] : []),
        point.overall.count,
        csvScore(point.overall.median, point.overall),
        ...measureIds.map((m) => csvScore(point.measures[m].median, point.measures[m])),
        rows[i - 1]?.kind === 'break' ? (rows[i - 1] as { reason: string }).reason : '',
      ],
    ];
  });
  return (
    <>
      <WideTable caption={`${name}: median of the organisations’ scores in each cycle`} firstCellIsHeader>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Cycle</Table.Cell>
            <Table.Cell>Source of the figures</Table.Cell>
            {withAreas ? <Table.Cell>ICSs</Table.Cell> : null}
            <Table.Cell format="numeric">Organisations</Table.Cell>
            <Table.Cell format="numeric">Overall score</Table.Cell>
            <MeasureCells figure={(m) => measureNames[m]} />
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => {
            if (row.kind === 'break')
              return <BreakRow key={`break-${row.cycle.name}`} row={row} columns={columns} />;
            const point = pointOf(row.cycle.name);
            return (
              <Table.Row key={row.cycle.name}>
                <Table.Cell>{row.cycle.name}</Table.Cell>
                <Table.Cell>{row.instrument}</Table.Cell>
                {withAreas ? <Table.Cell>{areasOf(row.cycle.name)}</Table.Cell> : null}
                <Table.Cell format="numeric">{point.overall.count}</Table.Cell>
                <Table.Cell format="numeric">{median(point.overall)}</Table.Cell>
                <MeasureCells figure={(m) => median(point.measures[m])} />
              </Table.Row>
            );
          })}
        </Table.Body>
      </WideTable>
      <p className="wgll-figure-basis">{trends.basis}</p>
      <TableDownloads
        tableName="medians in each cycle"
        fileName={`${filePrefix}-medians`}
        header={header}
        rows={csvRows}
        about={trendAbout(`${name}: median of the organisations’ scores in each cycle`, trends.basis)}
      />
    </>
  );
}

/** The ICB's own return in each cycle; before a merger, each predecessor's own, separately. */
function SystemTrendTable({ trends, name, filePrefix }: TableProps) {
  const points = trends.system ?? [];
  const columns = 3 + measureIds.length;
  const header = ['Cycle', 'ICB', 'Overall score', ...measureIds.map((m) => measureNames[m]), 'Note'];
  const csvRows = points.flatMap((p) =>
    p.measures
      ? [
          [
            p.cycle.name,
            name,
            csvScore(p.overall),
            ...measureIds.map((m) => csvScore(p.measures![m])),
            p.break?.reason ?? '',
          ],
        ]
      : p.predecessors.map((q) => [
          p.cycle.name,
          `${readableName(q.name)} (${q.odsCode})`,
          csvScore(q.overall),
          ...measureIds.map((m) => csvScore(q.measures[m])),
          p.note ?? '',
        ]),
  );
  return (
    <>
      <WideTable caption={`${name}: the ICB’s own return in each cycle`} firstCellIsHeader>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Cycle</Table.Cell>
            <Table.Cell>ICB</Table.Cell>
            <Table.Cell format="numeric">Overall score</Table.Cell>
            <MeasureCells figure={(m) => measureNames[m]} />
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {points.flatMap((p) => [
            ...(p.break
              ? [
                  <BreakRow
                    key={`break-${p.cycle.name}`}
                    row={{ cycle: p.cycle, reason: p.break.reason }}
                    columns={columns}
                  />,
                ]
              : []),
            ...(p.note
              ? [
                  <tr key={`note-${p.cycle.name}`} className="nhsuk-table__row wgll-trend-break">
                    <td className="nhsuk-table__cell" colSpan={columns}>
                      <strong>{p.cycle.name}:</strong> {p.note}
                    </td>
                  </tr>,
                ]
              : []),
            ...(p.measures
              ? [{ key: name, label: name, overall: p.overall, measures: p.measures }]
              : p.predecessors.map((q) => ({
                  key: q.odsCode,
                  label: `${readableName(q.name)} (${q.odsCode}), its own return`,
                  overall: q.overall,
                  measures: q.measures,
                }))
            ).map((row) => (
              <Table.Row key={`${p.cycle.name}-${row.key}`}>
                <Table.Cell>{p.cycle.name}</Table.Cell>
                <Table.Cell>{row.label}</Table.Cell>
                <Table.Cell format="numeric">{formatScore(row.overall)}</Table.Cell>
                <MeasureCells figure={(m) => formatScore(row.measures[m])} />
              </Table.Row>
            )),
          ])}
        </Table.Body>
      </WideTable>
      <TableDownloads
        tableName="ICB’s own returns"
        fileName={`${filePrefix}-icb`}
        header={header}
        rows={csvRows}
        about={trendAbout(
          `${name}: the ICB’s own return in each cycle`,
          'The ICB’s own (system-level) return in each cycle; before a merger, each predecessor ICB’s own, separately',
        )}
      />
    </>
  );
}

/**
 * "Progress over the years" on an ICS's or a region's results page: the median of the member
 * organisations' scores per cycle (one care setting); for an ICS a switch between today's boundaries
 * and as it was then, and the ICB's own return apart.
 */
interface AreaProgressProps {
  kind: 'ics' | 'regions';
  code: string;
  careSetting: CareSetting | null;
  name: string;
}

export function AreaProgressOverYears(props: AreaProgressProps) {
  const boundaries = useBoundariesParam();
  return (
    <ProgressSection before={props.kind === 'ics' ? <BoundariesSwitch value={boundaries} /> : null}>
      <AreaProgress {...props} />
    </ProgressSection>
  );
}

function AreaProgress({ kind, code, careSetting, name }: AreaProgressProps) {
  const boundaries = useBoundariesParam();
  const trends = useAreaTrends(kind, code, careSetting, boundaries);
  const data = trends.data;
  const national = useNationalTrends(data?.careSetting ?? null);
  const filePrefix = `trends-${code}-${fileSafe(data?.careSetting ?? 'all')}${kind === 'ics' ? `-${boundaries}` : ''}`;
  return (
    <>
      <TrendsLoading query={trends} />
      {data ? (
        <>
          <p data-testid="trend-boundaries">{data.boundariesLabel}</p>
          {data.cycles.length < 2 ? (
            <FewCycles name={name} cycles={data.cycles} what="medians" />
          ) : (
            <>
              <p>
                {careSettingLabels[data.careSetting!]} providers: the median of their scores in every cycle
                with results. A break means the figures either side come from different instruments and are
                not compared. No median is shown from fewer than 3 organisations.
              </p>
              <ChangeSinceLast trends={data} />
              <TrendChart
                trends={data}
                national={national.data}
                name={name}
                subject={`the median of ${name}’s organisations’`}
                lineLabel={`Median in ${name}`}
              />
            </>
          )}
          {data.cycles.length > 0 ? (
            <AreaTrendTable trends={data} name={name} filePrefix={filePrefix} />
          ) : null}
          {data.cycles.length > 0 && national.data ? (
            <NationalTrendTable national={national.data} filePrefix={filePrefix} />
          ) : null}
          {data.system && data.system.length > 0 ? (
            <>
              <h3>The ICB’s own return</h3>
              <p>
                The ICB’s own assessment of the system, kept apart from its providers’ scores and never an
                average of them.
              </p>
              <SystemTrendTable trends={data} name={name} filePrefix={filePrefix} />
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
