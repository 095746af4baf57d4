import type { DomainLevelCell, IcsDomainLevels, MeasureId, ResultCycle } from '@wgll/contracts';
import { BackLink, Select, Table } from 'nhsuk-react-components';
import { Fragment, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { CommonGapsTable } from '../../../components/common-gaps-table';
import { Forbidden, FORBIDDEN_TITLE } from '../../../components/forbidden';
import { LoadingMessage } from '../../../components/loading-message';
import { NotFound } from '../../../components/not-found';
import { TableScroll } from '../../../components/table-scroll';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { careSettingLabels, pluralise, readableName } from '../../../lib/format';
import { icsResultsPath, trustResultsPath } from '../../../lib/links';
import { useIcsDomainLevels } from '../api/levelling-up-api';
import { careSettingParam } from '../area-search';
import { HeatKey } from '../components/heat-shade';
import {
  CareSettingSelect,
  CycleSelect,
  ResultsFilters,
  useResultCycle,
} from '../components/results-filters';
import { heatShade } from '../heat-shades';
import { measureIds, measureNames } from '../results-labels';

const cellText: Record<Exclude<DomainLevelCell['kind'], 'level'>, string> = {
  'not-applicable': 'Not applicable',
  'not-asked': 'Not asked',
  'not-answered': 'Not answered',
  'no-return': 'No sealed return',
};

function LevelCell({ cell }: { cell: DomainLevelCell }) {
  if (cell.kind === 'level')
    return (
      <Table.Cell
        format="numeric"
        className="wgll-heat-cell"
        style={{ backgroundColor: heatShade(cell.level) }}
      >
        {cell.level}
      </Table.Cell>
    );
  return <Table.Cell className="wgll-heat-cell wgll-heat-cell--none">{cellText[cell.kind]}</Table.Cell>;
}

const isMeasure = (value: string | null): value is MeasureId =>
  value !== null && (measureIds as readonly string[]).includes(value);

function DomainLevelFilters({
  cycles,
  chosen,
  levels,
}: {
  cycles: ResultCycle[];
  chosen: ResultCycle;
  levels: IcsDomainLevels;
}) {
  const [picked, setPicked] = useState(chosen);
  // The member organisations' care settings do not depend on the cycle's results.
  const settings = levels.careSettings.length > 0 ? levels.careSettings : picked.careSettings;
  return (
    <ResultsFilters button="Show domain levels">
      <CycleSelect cycles={cycles} chosen={chosen} onPick={setPicked} />
      <CareSettingSelect key={picked.id} settings={settings} value={levels.careSetting} />
      <Select
        id="measure"
        name="measure"
        label="Measure"
        labelProps={{ size: 's' }}
        defaultValue={levels.measure ?? ''}
      >
        <option value="">All measures</option>
        {measureIds.map((m) => (
          <option key={m} value={m}>
            {measureNames[m]}
          </option>
        ))}
      </Select>
    </ResultsFilters>
  );
}

function NoSealedReturns({ levels, icsName }: { levels: IcsDomainLevels; icsName: string }) {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        No {careSettingLabels[levels.careSetting].toLowerCase()} organisation in {icsName} has a sealed return
        for {levels.cycle.name} in this platform, so there are no domain levels to show.
      </p>
      {levels.resultsSource === 'published' ? (
        <p>
          The {levels.cycle.name} results are NHS England’s published figures: they give each organisation’s
          seven measure scores, not its domain levels. Domain levels come only from returns completed and
          submitted here.
        </p>
      ) : null}
      <p>
        <Link to={icsResultsPath(levels.ics.code, levels.cycle.id, levels.careSetting)}>
          See the measure scores of {icsName}
        </Link>
      </p>
    </div>
  );
}

function DomainLevelsTable({ levels, icsName }: { levels: IcsDomainLevels; icsName: string }) {
  const scope = careSettingLabels[levels.careSetting].toLowerCase();
  const caption =
    `Domain levels of the ${scope} organisations in ${icsName}, ${levels.cycle.name}` +
    (levels.measure ? `: ${measureNames[levels.measure]}` : '');
  const measures = measureIds.filter((m) => levels.domains.some((d) => d.measure === m));
  const columns = levels.organisations.length + 1;
  return (
    <>
      <HeatKey />
      <TableScroll label={caption}>
        <Table caption={caption} className="nhsuk-table--compact wgll-wide-table wgll-heatmap">
          <Table.Head>
            <Table.Row>
              <Table.Cell scope="col">Domain</Table.Cell>
              {levels.organisations.map((o) => (
                <Table.Cell key={o.code} scope="col">
                  <Link to={trustResultsPath(o.code, levels.cycle.id, levels.careSetting)}>
                    {readableName(o.name)}
                  </Link>
                </Table.Cell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {measures.map((m) => (
              <Fragment key={m}>
                <Table.Row className="wgll-heatmap__group">
                  <th scope="colgroup" colSpan={columns} className="nhsuk-table__header">
                    {measureNames[m]}
                  </th>
                </Table.Row>
                {levels.domains
                  .filter((d) => d.measure === m)
                  .map((d) => (
                    <Table.Row key={d.domainId}>
                      <th scope="row" className="nhsuk-table__header">
                        {d.title}
                      </th>
                      {d.cells.map((cell, i) => (
                        <LevelCell key={levels.organisations[i]!.code} cell={cell} />
                      ))}
                    </Table.Row>
                  ))}
              </Fragment>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      <p className="wgll-figure-basis">{levels.basis}</p>
    </>
  );
}

function DomainLevelsContent({ levels }: { levels: IcsDomainLevels }) {
  const icsName = readableName(levels.ics.name);
  const withoutReturn = levels.organisations.length - levels.sealed;
  return (
    <>
      <section aria-labelledby="levels-heading">
        <h2 id="levels-heading">Domain levels</h2>
        <p>
          {pluralise(levels.sealed, 'organisation')} of {levels.organisations.length} with a sealed{' '}
          {careSettingLabels[levels.careSetting].toLowerCase()} return for {levels.cycle.name}
          {withoutReturn > 0 ? `; ${withoutReturn} without one show “No sealed return”` : ''}. Drafts are
          never shown.
        </p>
        {levels.sealed === 0 ? (
          <NoSealedReturns levels={levels} icsName={icsName} />
        ) : (
          <DomainLevelsTable levels={levels} icsName={icsName} />
        )}
      </section>
      {levels.sealed > 0 ? (
        <section aria-labelledby="gaps-heading">
          <h2 id="gaps-heading">Common gaps</h2>
          {levels.gapsWithheld ? (
            <p>
              {pluralise(levels.sealed, 'organisation')} with a sealed return: too few organisations to
              compare.
            </p>
          ) : (
            <>
              <p>
                Elements not met in most of these organisations’ sealed returns, at the level above the one
                each has reached, with how many organisations meet each: where support across the system would
                help most.
              </p>
              <CommonGapsTable
                gaps={levels.commonGaps}
                caption={`Common gaps in ${icsName}, ${careSettingLabels[levels.careSetting].toLowerCase()}`}
                show="met"
              />
            </>
          )}
        </section>
      ) : null}
    </>
  );
}

/** /ics/:code/domain-levels: the member organisations' domain levels (sealed returns) and common gaps. */
export function IcsDomainLevelsPage() {
  const code = (useParams()['code'] ?? '').toUpperCase();
  const [searchParams] = useSearchParams();
  const { items } = useResultCycle();
  const measure = searchParams.get('measure');
  const query = useIcsDomainLevels(code, {
    cycle: searchParams.get('cycle') ?? undefined,
    careSetting: careSettingParam(searchParams),
    measure: isMeasure(measure) ? measure : undefined,
  });
  const levels = query.data;
  const name = levels ? readableName(levels.ics.name) : `ICS ${code}`;
  const forbidden = query.error instanceof ApiRequestError && query.error.isForbidden;
  const notFound = query.error instanceof ApiRequestError && query.error.isNotFound;
  useDocumentTitle(forbidden ? FORBIDDEN_TITLE : notFound ? 'Not found' : `Domain levels – ${name}`);
  if (forbidden) return <Forbidden />;
  if (notFound) {
    return (
      <NotFound heading="Not found">
        <p>There is no integrated care system with the ODS code {code} in this cycle, or no such cycle.</p>
      </NotFound>
    );
  }
  const chosen = levels ? items.find((c) => c.id === levels.cycle.id) : undefined;
  return (
    <>
      <BackLink asElement={Link} to={icsResultsPath(code, levels?.cycle.id, levels?.careSetting)}>
        Results – {name}
      </BackLink>
      <h1>
        <span className="nhsuk-caption-l">{name}</span>
        Domain levels and common gaps
      </h1>
      {chosen && levels ? (
        <DomainLevelFilters key={searchParams.toString()} cycles={items} chosen={chosen} levels={levels} />
      ) : null}
      {levels ? (
        <DomainLevelsContent levels={levels} />
      ) : query.isError ? (
        <ApiErrorSummary error={query.error} />
      ) : (
        <LoadingMessage>Loading the domain levels…</LoadingMessage>
      )}
    </>
  );
}
