import type { RegionWatchLists, ResultCycle, WatchListKey, WatchListMeasure } from '@wgll/contracts';
import { formatScore } from '@wgll/scoring';
import { BackLink, Select, Table, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { Forbidden, FORBIDDEN_TITLE } from '../../../components/forbidden';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { NotFound } from '../../../components/not-found';
import { WideTable } from '../../../components/table-scroll';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import type { FormError } from '../../../lib/form-errors';
import { careSettingLabels, pluralise, readableName } from '../../../lib/format';
import { icsResultsPath, regionResultsPath, trustResultsPath } from '../../../lib/links';
import { useRegionWatchLists } from '../api/levelling-up-api';
import { careSettingParam, DEFAULT_THRESHOLD, parseThreshold } from '../area-search';
import { thresholdError } from '../components/area-filters';
import {
  CareSettingSelect,
  CycleSelect,
  ResultsFilters,
  useResultCycle,
} from '../components/results-filters';
import { measureIds, measureNames } from '../results-labels';

const keyName = (key: WatchListKey) => (key === 'overall' ? 'Overall' : measureNames[key]);
const isKey = (value: string | null): value is WatchListKey =>
  value === 'overall' || (value !== null && (measureIds as readonly string[]).includes(value));

interface FiltersProps {
  cycles: ResultCycle[];
  chosen: ResultCycle;
  lists: RegionWatchLists;
  measure: WatchListKey;
}

/** Cycle, care setting, threshold and measure, submitted into the address. */
function WatchListFilters({ cycles, chosen, lists, measure }: FiltersProps) {
  const [picked, setPicked] = useState(chosen);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const settings = picked.id === lists.cycle.id ? lists.careSettings : picked.careSettings;

  function validate(data: FormData): boolean {
    const value = data.get('threshold');
    const message = thresholdError(typeof value === 'string' ? value : '');
    setErrors(message ? [{ id: 'threshold', message }] : []);
    setAttempt((count) => count + 1);
    return message === undefined;
  }

  return (
    <>
      <FormErrorSummary key={attempt} errors={errors} />
      <ResultsFilters button="Update" validate={validate}>
        <CycleSelect cycles={cycles} chosen={chosen} onPick={setPicked} />
        {settings.length > 0 ? (
          <CareSettingSelect key={picked.id} settings={settings} value={lists.careSetting} />
        ) : null}
        <TextInput
          id="threshold"
          name="threshold"
          type="text"
          inputMode="decimal"
          spellCheck={false}
          width={4}
          label="Threshold"
          labelProps={{ size: 's' }}
          hint="List organisations scoring below this, from 1 to 5"
          defaultValue={String(lists.threshold)}
          error={errors.find((e) => e.id === 'threshold')?.message}
        />
        <Select id="measure" name="measure" label="Measure" labelProps={{ size: 's' }} defaultValue={measure}>
          <option value="overall">Overall</option>
          {measureIds.map((m) => (
            <option key={m} value={m}>
              {measureNames[m]}
            </option>
          ))}
        </Select>
      </ResultsFilters>
    </>
  );
}

function Summary({ lists, link }: { lists: RegionWatchLists; link: (key: WatchListKey) => string }) {
  return (
    <WideTable caption={`Organisations below ${lists.threshold} and declining, by measure`} firstCellIsHeader>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Measure</Table.Cell>
          <Table.Cell format="numeric">Below {lists.threshold}</Table.Cell>
          <Table.Cell format="numeric">Declining</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {lists.measures.map((m) => (
          <Table.Row key={m.key}>
            <Table.Cell>
              <Link to={link(m.key)}>{keyName(m.key)}</Link>
            </Table.Cell>
            <Table.Cell format="numeric">
              {m.below.organisations.length} of {m.below.of}
            </Table.Cell>
            <Table.Cell format="numeric">
              {m.declining.comparable > 0
                ? `${m.declining.organisations.length} of ${m.declining.comparable}`
                : 'Not comparable'}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </WideTable>
  );
}

interface ListProps {
  lists: RegionWatchLists;
  list: WatchListMeasure;
  threshold: string | undefined;
}

type Named = WatchListMeasure['below']['organisations'][number]['organisation'];
type NamedIcs = WatchListMeasure['below']['organisations'][number]['ics'];

/** The organisation's results, keeping the cycle, care setting and threshold. */
function OrganisationLink({
  lists,
  organisation,
  threshold,
}: {
  lists: RegionWatchLists;
  organisation: Named;
  threshold: string | undefined;
}) {
  return (
    <Link to={trustResultsPath(organisation.code, lists.cycle.id, lists.careSetting, threshold)}>
      {readableName(organisation.name)}
    </Link>
  );
}

/** The ICS's results, keeping the cycle, care setting and threshold. */
function IcsLink({
  lists,
  ics,
  threshold,
}: {
  lists: RegionWatchLists;
  ics: NamedIcs;
  threshold: string | undefined;
}) {
  return (
    <Link to={icsResultsPath(ics.code, lists.cycle.id, lists.careSetting, threshold)}>
      {readableName(ics.name)}
    </Link>
  );
}

function BelowList({ lists, list, threshold }: ListProps) {
  const name = keyName(list.key);
  return (
    <section aria-labelledby="below-heading">
      <h2 id="below-heading">
        {name}: below {lists.threshold}
      </h2>
      {list.below.organisations.length === 0 ? (
        <p>
          None of the {pluralise(list.below.of, 'organisation')} with a score is below {lists.threshold}.
        </p>
      ) : (
        <WideTable
          caption={`${name}: organisations scoring below ${lists.threshold}, lowest first`}
          firstCellIsHeader
        >
          <Table.Head>
            <Table.Row>
              <Table.Cell>Organisation</Table.Cell>
              <Table.Cell>ICS</Table.Cell>
              <Table.Cell format="numeric">Score</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {list.below.organisations.map((item) => (
              <Table.Row key={item.organisation.code}>
                <Table.Cell>
                  <OrganisationLink lists={lists} organisation={item.organisation} threshold={threshold} />
                </Table.Cell>
                <Table.Cell>
                  <IcsLink lists={lists} ics={item.ics} threshold={threshold} />
                </Table.Cell>
                <Table.Cell format="numeric">{formatScore(item.score)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </WideTable>
      )}
      <p className="wgll-figure-basis">
        {list.below.organisations.length} of {pluralise(list.below.of, 'organisation')} with a score are below{' '}
        {lists.threshold}.
      </p>
    </section>
  );
}

function DecliningList({ lists, list, threshold }: ListProps) {
  const name = keyName(list.key);
  const { declining } = list;
  return (
    <section aria-labelledby="declining-heading">
      <h2 id="declining-heading">{name}: declining since the last comparable cycle</h2>
      {declining.comparable === 0 ? (
        <p>
          No organisation has a comparable earlier figure, so none can be said to be declining.{' '}
          {declining.notComparable > 0
            ? `${pluralise(declining.notComparable, 'organisation')} had an earlier figure from a different instrument, which is not compared. `
            : ''}
          {declining.label}
        </p>
      ) : declining.organisations.length === 0 ? (
        <p>None of the {pluralise(declining.comparable, 'organisation')} compared has a lower figure.</p>
      ) : (
        <WideTable caption={`${name}: organisations declining, largest fall first`} firstCellIsHeader>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Organisation</Table.Cell>
              <Table.Cell>ICS</Table.Cell>
              <Table.Cell format="numeric">Before</Table.Cell>
              <Table.Cell format="numeric">Now</Table.Cell>
              <Table.Cell format="numeric">Change</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {declining.organisations.map((item) => (
              <Table.Row key={item.organisation.code}>
                <Table.Cell>
                  <OrganisationLink lists={lists} organisation={item.organisation} threshold={threshold} />
                </Table.Cell>
                <Table.Cell>
                  <IcsLink lists={lists} ics={item.ics} threshold={threshold} />
                </Table.Cell>
                <Table.Cell format="numeric">
                  {formatScore(item.previous)}{' '}
                  <span className="nhsuk-body-s nhsuk-u-margin-bottom-0">({item.previousCycleName})</span>
                </Table.Cell>
                <Table.Cell format="numeric">{formatScore(item.current)}</Table.Cell>
                <Table.Cell format="numeric">−{formatScore(-item.change)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </WideTable>
      )}
      {declining.comparable > 0 ? (
        <p className="wgll-figure-basis">
          {declining.organisations.length} of {pluralise(declining.comparable, 'organisation')} compared.{' '}
          {declining.label}.
          {declining.notComparable > 0
            ? ` ${pluralise(declining.notComparable, 'organisation')} with an earlier figure from a different instrument not compared.`
            : ''}
        </p>
      ) : null}
    </section>
  );
}

/**
 * /regions/:code/watch-lists: the region's organisations below the threshold and declining, per
 * measure, each linking to its results with the cycle, care setting and threshold kept.
 */
export function RegionWatchListsPage() {
  const code = (useParams()['code'] ?? '').toUpperCase();
  const [searchParams] = useSearchParams();
  const { items } = useResultCycle();
  const thresholdParam = parseThreshold(searchParams.get('threshold'));
  const measureParam = searchParams.get('measure');
  const measure: WatchListKey = isKey(measureParam) ? measureParam : 'overall';
  const query = useRegionWatchLists(code, {
    cycle: searchParams.get('cycle') ?? undefined,
    careSetting: careSettingParam(searchParams),
    threshold: thresholdParam ?? DEFAULT_THRESHOLD,
  });
  const lists = query.data;
  const name = lists ? lists.region.name : `Region ${code}`;
  const forbidden = query.error instanceof ApiRequestError && query.error.isForbidden;
  const notFound = query.error instanceof ApiRequestError && query.error.isNotFound;
  useDocumentTitle(
    forbidden ? FORBIDDEN_TITLE : notFound ? 'Not found' : `Below the threshold and declining – ${name}`,
  );
  if (forbidden) return <Forbidden />;
  if (notFound) {
    return (
      <NotFound heading="Not found">
        <p>There is no NHS England region with the ODS code {code}, or no such cycle.</p>
      </NotFound>
    );
  }
  const chosen = lists ? items.find((c) => c.id === lists.cycle.id) : undefined;
  const threshold = lists ? String(lists.threshold) : undefined;
  const link = (key: WatchListKey) => {
    const next = new URLSearchParams(searchParams);
    next.set('measure', key);
    return `?${next.toString()}`;
  };
  const list = lists?.measures.find((m) => m.key === measure);
  return (
    <>
      <BackLink asElement={Link} to={regionResultsPath(code, lists?.cycle.id, lists?.careSetting, threshold)}>
        Results – {name}
      </BackLink>
      <h1>
        <span className="nhsuk-caption-l">{name}</span>
        Below the threshold and declining
      </h1>
      {chosen && lists ? (
        <WatchListFilters
          key={searchParams.toString()}
          cycles={items}
          chosen={chosen}
          lists={lists}
          measure={measure}
        />
      ) : null}
      {lists && list ? (
        <>
          <p>
            {pluralise(
              lists.organisations,
              `${careSettingLabels[lists.careSetting].toLowerCase()} organisation`,
            )}{' '}
            of the region with results for {lists.cycle.name} (
            {lists.source === 'published' ? 'NHS England’s published scores' : 'scores of sealed returns'}).
            These lists help aim support; they are not a league table.
          </p>
          {lists.organisations === 0 ? (
            <p>There are no results for this choice, so there is nothing to list.</p>
          ) : (
            <>
              <Summary lists={lists} link={link} />
              <BelowList lists={lists} list={list} threshold={threshold} />
              <DecliningList lists={lists} list={list} threshold={threshold} />
              <p className="wgll-figure-basis">{lists.basis}</p>
            </>
          )}
        </>
      ) : query.isError ? (
        <ApiErrorSummary error={query.error} />
      ) : (
        <LoadingMessage>Loading the lists…</LoadingMessage>
      )}
    </>
  );
}
