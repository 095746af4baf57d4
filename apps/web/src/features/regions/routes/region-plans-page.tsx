import type { RegionPlans } from '@wgll/contracts';
import { BackLink, Table } from 'nhsuk-react-components';
import { Link, useParams, useSearchParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { CommonGapsTable } from '../../../components/common-gaps-table';
import { CyclePicker, useChosenCycle } from '../../../components/cycle-picker';
import { Forbidden, FORBIDDEN_TITLE } from '../../../components/forbidden';
import { LoadingMessage } from '../../../components/loading-message';
import { NotFound } from '../../../components/not-found';
import { WideTable } from '../../../components/table-scroll';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { useRegionPlans } from '../../../lib/api/plans-api';
import { formatDate } from '../../../lib/dates';
import { careSettingLabels, readableName } from '../../../lib/format';
import { icsPlansPath, regionPath, trustResultsPath } from '../../../lib/links';
import { planScoreText } from '../../../lib/plan-labels';

function GroupsTable({ plans }: { plans: RegionPlans }) {
  return (
    <WideTable caption={`Plans per integrated care system, ${plans.cycle.name}`} firstCellIsHeader>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Integrated care system</Table.Cell>
          <Table.Cell format="numeric">Sealed returns</Table.Cell>
          <Table.Cell format="numeric">With a plan</Table.Cell>
          <Table.Cell format="numeric">Actions</Table.Cell>
          <Table.Cell format="numeric">Done</Table.Cell>
          <Table.Cell format="numeric">Overdue</Table.Cell>
          <Table.Cell format="numeric">Blocked</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {plans.groups.map((group) => (
          <Table.Row key={group.ics.code}>
            <Table.Cell>
              <Link to={icsPlansPath(group.ics.code, plans.cycle.id)}>{readableName(group.ics.name)}</Link>
            </Table.Cell>
            <Table.Cell format="numeric">{group.organisations}</Table.Cell>
            <Table.Cell format="numeric">{group.withPlan}</Table.Cell>
            <Table.Cell format="numeric">{group.actions.total}</Table.Cell>
            <Table.Cell format="numeric">{group.actions.done}</Table.Cell>
            <Table.Cell format="numeric">{group.actions.overdue}</Table.Cell>
            <Table.Cell format="numeric">{group.actions.blocked}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </WideTable>
  );
}

function NotReaching({ plans }: { plans: RegionPlans }) {
  const threshold = planScoreText(plans.threshold);
  if (plans.notReaching.length === 0) {
    return (
      <p>
        Every organisation with a sealed return is projected to reach an overall score of {threshold} by its
        target date.
      </p>
    );
  }
  return (
    <>
      <p>
        These organisations’ plans, if their actions are done by the target date, would leave the overall
        score below {threshold}.
      </p>
      <WideTable caption={`Organisations not reaching ${threshold} by their target date`} firstCellIsHeader>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Organisation</Table.Cell>
            <Table.Cell>Integrated care system</Table.Cell>
            <Table.Cell>Care setting</Table.Cell>
            <Table.Cell format="numeric">Overall today</Table.Cell>
            <Table.Cell format="numeric">Projected</Table.Cell>
            <Table.Cell>Target date</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {plans.notReaching.map((item) => (
            <Table.Row key={`${item.organisation.code}:${item.careSetting}`}>
              <Table.Cell>
                <Link to={trustResultsPath(item.organisation.code, plans.cycle.id, item.careSetting)}>
                  {readableName(item.organisation.name)}
                </Link>
              </Table.Cell>
              <Table.Cell>{readableName(item.ics.name)}</Table.Cell>
              <Table.Cell>{careSettingLabels[item.careSetting]}</Table.Cell>
              <Table.Cell format="numeric">{planScoreText(item.overallToday)}</Table.Cell>
              <Table.Cell format="numeric">{planScoreText(item.overallProjected)}</Table.Cell>
              <Table.Cell>{item.targetDate ? formatDate(item.targetDate) : 'Not set'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </WideTable>
    </>
  );
}

function RegionPlansContent({ plans }: { plans: RegionPlans }) {
  const { cycles } = useChosenCycle();
  const chosen = cycles.data?.items.find((cycle) => cycle.id === plans.cycle.id);
  return (
    <>
      {chosen ? (
        <CyclePicker cycles={cycles.data?.items ?? []} chosen={chosen} buttonLabel="Show plans" />
      ) : null}
      <p>
        The improvement plans of the region’s sealed returns for {plans.cycle.name}, per integrated care
        system. Each trust’s descriptions of its actions stay within the trust.
      </p>
      <section aria-labelledby="systems-heading">
        <h2 id="systems-heading">Integrated care systems</h2>
        {plans.groups.length === 0 ? (
          <p>No organisation in this region has a sealed return for {plans.cycle.name} yet.</p>
        ) : (
          <GroupsTable plans={plans} />
        )}
      </section>
      <section aria-labelledby="not-reaching-heading">
        <h2 id="not-reaching-heading">Organisations not reaching {planScoreText(plans.threshold)}</h2>
        <NotReaching plans={plans} />
      </section>
      <section aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">Common gaps</h2>
        {plans.groups.length === 0 ? (
          <p>There are no sealed returns, so there are no common gaps yet.</p>
        ) : null}
        {plans.groups.length > 0 ? (
          <p>
            Per integrated care system, the elements not met in most of its organisations’ sealed returns,
            with how many plan to meet each and when.
          </p>
        ) : null}
        {plans.groups.map((group) => (
          <details key={group.ics.code} className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">
                {readableName(group.ics.name)}:{' '}
                {group.commonGaps.length === 1 ? '1 common gap' : `${group.commonGaps.length} common gaps`}
              </span>
            </summary>
            <div className="nhsuk-details__text">
              <CommonGapsTable
                gaps={group.commonGaps}
                caption={`Common gaps in ${readableName(group.ics.name)}`}
              />
            </div>
          </details>
        ))}
      </section>
    </>
  );
}

/** /regions/:code/plans: the region's plans per ICS, and the organisations not reaching the threshold. */
export function RegionPlansPage() {
  const code = (useParams()['code'] ?? '').toUpperCase();
  const [search] = useSearchParams();
  const query = useRegionPlans(code, search.get('cycle') ?? undefined, search.get('threshold') ?? undefined);
  const forbidden = query.error instanceof ApiRequestError && query.error.isForbidden;
  const notFound = query.error instanceof ApiRequestError && query.error.isNotFound;
  useDocumentTitle(
    forbidden
      ? FORBIDDEN_TITLE
      : notFound
        ? 'Region not found'
        : `Improvement plans – ${query.data ? query.data.region.name : `Region ${code}`}`,
  );
  if (forbidden) return <Forbidden />;
  if (notFound) {
    return (
      <NotFound heading="Region not found">
        <p>There is no NHS England region with the ODS code {code}.</p>
      </NotFound>
    );
  }
  return (
    <>
      <BackLink asElement={Link} to={regionPath(code)}>
        {query.data ? query.data.region.name : `Region ${code}`}
      </BackLink>
      <h1>
        <span className="nhsuk-caption-l">{query.data ? query.data.region.name : `Region ${code}`}</span>
        Improvement plans
      </h1>
      {query.data ? (
        <RegionPlansContent plans={query.data} />
      ) : query.isError ? (
        <ApiErrorSummary error={query.error} fieldIds={{ threshold: 'threshold', cycle: 'cycle' }} />
      ) : (
        <LoadingMessage>Loading the plans…</LoadingMessage>
      )}
    </>
  );
}
