import type { TargetAreaProgress, TargetProgress } from '@wgll/contracts';
import { Table, Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { WideTable } from '../../../components/table-scroll';
import { formatDate } from '../../../lib/dates';
import { careSettingLabels, readableName } from '../../../lib/format';
import { regionTargetsPath, trustResultsPath } from '../../../lib/links';
import { countsSentence, outlookColours, outlookLabels, percentMet } from '../target-labels';

/** Each cycle's figures, oldest first. */
function TrendTable({ area, caption }: { area: TargetAreaProgress; caption: string }) {
  return (
    <WideTable caption={caption} firstCellIsHeader>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Cycle</Table.Cell>
          <Table.Cell format="numeric">Organisations</Table.Cell>
          <Table.Cell format="numeric">Met</Table.Cell>
          <Table.Cell format="numeric">Not yet</Table.Cell>
          <Table.Cell format="numeric">No data</Table.Cell>
          <Table.Cell format="numeric">Share met</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {area.trend.map((figure) => (
          <Table.Row key={figure.cycle.id}>
            <Table.Cell>{figure.cycle.name}</Table.Cell>
            <Table.Cell format="numeric">{figure.counts.total}</Table.Cell>
            <Table.Cell format="numeric">{figure.counts.met}</Table.Cell>
            <Table.Cell format="numeric">{figure.counts.notYet}</Table.Cell>
            <Table.Cell format="numeric">{figure.counts.noData}</Table.Cell>
            <Table.Cell format="numeric">{percentMet(figure.counts.share)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </WideTable>
  );
}

function OrganisationsTable({ area, progress }: { area: TargetAreaProgress; progress: TargetProgress }) {
  const organisations = area.organisations ?? [];
  if (organisations.length === 0) {
    return <p>Every organisation in {area.area.name} meets this target.</p>;
  }
  const cycleId = area.now?.cycle.id;
  return (
    <WideTable
      caption={`Organisations in ${area.area.name} not yet there, or without data (${area.now?.cycle.name ?? ''})`}
      firstCellIsHeader
    >
      <Table.Head>
        <Table.Row>
          <Table.Cell>Organisation</Table.Cell>
          <Table.Cell>Integrated care system</Table.Cell>
          <Table.Cell>Care settings</Table.Cell>
          <Table.Cell>Where it stands</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {organisations.map((item) => (
          <Table.Row key={item.organisation.code}>
            <Table.Cell>
              <Link to={trustResultsPath(item.organisation.code, cycleId, item.careSettings[0])}>
                {readableName(item.organisation.name)}
              </Link>
            </Table.Cell>
            <Table.Cell>{readableName(item.ics.name)}</Table.Cell>
            <Table.Cell>{item.careSettings.map((c) => careSettingLabels[c]).join(', ')}</Table.Cell>
            <Table.Cell>
              {item.status === 'not-yet'
                ? 'Not yet'
                : progress.target.kind === 'measure'
                  ? 'No result'
                  : 'No sealed return'}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </WideTable>
  );
}

/** One area's progress toward a target: the share now, the outlook, the trend and (named) who is not yet there. */
export function AreaProgress({
  progress,
  area,
  headingLevel,
}: {
  progress: TargetProgress;
  area: TargetAreaProgress;
  headingLevel: 'h3' | 'h4';
}) {
  const Heading = headingLevel;
  const { target } = progress;
  const now = area.now;
  return (
    <div className="wgll-target-area">
      <Heading>
        {area.area.name} <Tag modifier={outlookColours[area.outlook]}>{outlookLabels[area.outlook]}</Tag>
      </Heading>
      {now ? (
        <p>
          {now.cycle.name}: {countsSentence(now.counts)} meet the target of {target.percent}%.{' '}
          {now.counts.notYet} not yet, {now.counts.noData} with no data.
          {now.counts.shareOfKnown !== null && now.counts.noData > 0
            ? ` Among those with data: ${percentMet(now.counts.shareOfKnown)}.`
            : ''}
        </p>
      ) : (
        <p>There are no results yet to measure this target against.</p>
      )}
      {now?.note ? <p className="nhsuk-body-s">{now.note}</p> : null}
      {area.trend.length > 0 ? (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">The share in each cycle</span>
          </summary>
          <div className="nhsuk-details__text">
            <TrendTable area={area} caption={`${target.name}: ${area.area.name}, each cycle`} />
            {area.trend
              .filter((figure) => figure.note && figure !== now)
              .map((figure) => (
                <p key={figure.cycle.id} className="nhsuk-body-s">
                  {figure.cycle.name}: {figure.note}
                </p>
              ))}
          </div>
        </details>
      ) : null}
      {area.organisations ? <OrganisationsTable area={area} progress={progress} /> : null}
      {area.area.type === 'region' && area.organisations === null && area.area.code ? (
        <p>
          <Link to={regionTargetsPath(area.area.code)}>Organisations of {area.area.name} not yet there</Link>
        </p>
      ) : null}
    </div>
  );
}

/** A target's heading and what it asks. */
export function TargetIntro({ progress }: { progress: TargetProgress }) {
  const { target } = progress;
  return (
    <>
      <p>
        <strong>What counts:</strong> {target.summary}, for{' '}
        {target.careSettings.map((c) => careSettingLabels[c].toLowerCase()).join(', ')} organisations.{' '}
        <strong>Target:</strong> {target.percent}% of organisations by {formatDate(target.dueDate)}.
      </p>
      {target.description ? <p>{target.description}</p> : null}
      {target.kind !== 'measure' ? (
        <p className="nhsuk-body-s">
          Domain and element targets read sealed returns submitted in this service. NHS England’s published
          2025 results give measure scores only, so organisations without a sealed return have no data.
        </p>
      ) : null}
    </>
  );
}
