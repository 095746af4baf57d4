import type { IcsPlans, OrganisationPlanSummary } from '@wgll/contracts';
import { BackLink, Table } from 'nhsuk-react-components';
import { Link, useParams, useSearchParams } from 'react-router';

import { ActionStateTag } from '../../../components/action-state-tag';
import { ApiErrorSummary } from '../../../components/api-error-summary';
import { CommonGapsTable } from '../../../components/common-gaps-table';
import { CyclePicker, useChosenCycle } from '../../../components/cycle-picker';
import { Forbidden, FORBIDDEN_TITLE } from '../../../components/forbidden';
import { LoadingMessage } from '../../../components/loading-message';
import { NotFound } from '../../../components/not-found';
import { WideTable } from '../../../components/table-scroll';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { useFrameworkVersion } from '../../../lib/api/frameworks-api';
import { useIcsPlans } from '../../../lib/api/plans-api';
import { formatDate } from '../../../lib/dates';
import { careSettingLabels, pluralise, readableName } from '../../../lib/format';
import { icsPath, trustResultsPath } from '../../../lib/links';
import { planScoreText } from '../../../lib/plan-labels';

function OrganisationsTable({ plans }: { plans: IcsPlans }) {
  return (
    <WideTable caption={`Member organisations’ plans, ${plans.cycle.name}`} firstCellIsHeader>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Organisation</Table.Cell>
          <Table.Cell>Care setting</Table.Cell>
          <Table.Cell format="numeric">Domains with a target</Table.Cell>
          <Table.Cell format="numeric">Overall today</Table.Cell>
          <Table.Cell format="numeric">Projected</Table.Cell>
          <Table.Cell format="numeric">Target</Table.Cell>
          <Table.Cell>Target date</Table.Cell>
          <Table.Cell format="numeric">Actions</Table.Cell>
          <Table.Cell format="numeric">Done</Table.Cell>
          <Table.Cell format="numeric">Overdue</Table.Cell>
          <Table.Cell format="numeric">Blocked</Table.Cell>
          <Table.Cell>Board approval</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {plans.organisations.map((item) => (
          <Table.Row key={item.returnId}>
            <Table.Cell>
              <Link to={trustResultsPath(item.organisation.code, plans.cycle.id, item.careSetting)}>
                {readableName(item.organisation.name)}
              </Link>
            </Table.Cell>
            <Table.Cell>{careSettingLabels[item.careSetting]}</Table.Cell>
            <Table.Cell format="numeric">{item.targets.length}</Table.Cell>
            <Table.Cell format="numeric">{planScoreText(item.overallToday)}</Table.Cell>
            <Table.Cell format="numeric">{planScoreText(item.overallProjected)}</Table.Cell>
            <Table.Cell format="numeric">{planScoreText(item.overallTarget, 'No target')}</Table.Cell>
            <Table.Cell>{item.targetDate ? formatDate(item.targetDate) : 'Not set'}</Table.Cell>
            <Table.Cell format="numeric">{item.actions.total}</Table.Cell>
            <Table.Cell format="numeric">{item.actions.done}</Table.Cell>
            <Table.Cell format="numeric">{item.actions.overdue}</Table.Cell>
            <Table.Cell format="numeric">{item.actions.blocked}</Table.Cell>
            <Table.Cell>{item.approved ? 'Approved' : 'Not approved yet'}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </WideTable>
  );
}

/** One organisation's targets against today's levels, and its actions' titles, states and dates. */
function OrganisationDetails({
  item,
  title,
}: {
  item: OrganisationPlanSummary;
  title: (domainId: string) => string;
}) {
  const name = `${readableName(item.organisation.name)} (${careSettingLabels[item.careSetting].toLowerCase()})`;
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Targets and actions of {name}</span>
      </summary>
      <div className="nhsuk-details__text">
        {item.targets.length === 0 ? (
          <p>No targets set.</p>
        ) : (
          <ul>
            {item.targets.map((target) => (
              <li key={target.domainId}>
                {title(target.domainId)}: level {target.current ?? 'not answered'} today, target level{' '}
                {target.target}
              </li>
            ))}
          </ul>
        )}
        {item.outlines.length === 0 ? (
          <p>No actions yet.</p>
        ) : (
          <ul className="nhsuk-list">
            {item.outlines.map((outline, index) => (
              <li key={`${outline.title}-${index}`}>
                <ActionStateTag state={outline.state} /> {outline.title} ({title(outline.domainId)}
                {outline.dueDate ? `, due ${formatDate(outline.dueDate)}` : ', no due date'})
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}

function IcsPlansContent({ plans }: { plans: IcsPlans }) {
  const { cycles } = useChosenCycle();
  // The cycle the API answered for: the one asked for, else its choice.
  const chosen = cycles.data?.items.find((cycle) => cycle.id === plans.cycle.id);
  const framework = useFrameworkVersion(
    chosen?.organisationFramework.frameworkId ?? '',
    chosen?.organisationFramework.version ?? '',
    undefined,
    { enabled: chosen !== undefined },
  );
  const title = (domainId: string) =>
    framework.data?.domains.find((domain) => domain.id === domainId)?.title ?? domainId;
  return (
    <>
      {chosen ? (
        <CyclePicker cycles={cycles.data?.items ?? []} chosen={chosen} buttonLabel="Show plans" />
      ) : null}
      <p>
        The improvement plans of the member organisations’ sealed returns for {plans.cycle.name}. Each trust’s
        descriptions of its actions stay within the trust: here are their titles, states, dates and counts.
      </p>
      <section aria-labelledby="organisations-heading">
        <h2 id="organisations-heading">Organisations</h2>
        {plans.organisations.length === 0 ? (
          <p>
            No member organisation has a sealed return for {plans.cycle.name} yet, so there are no plans to
            show.
          </p>
        ) : (
          <>
            <p>
              {pluralise(plans.organisations.length, 'sealed return')};{' '}
              {plans.organisations.filter((item) => item.targets.length > 0).length} with targets and{' '}
              {plans.organisations.filter((item) => item.approved).length} approved by their boards.
            </p>
            <OrganisationsTable plans={plans} />
            {plans.organisations.map((item) => (
              <OrganisationDetails key={item.returnId} item={item} title={title} />
            ))}
          </>
        )}
      </section>
      <section aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">Common gaps</h2>
        <p>
          Elements not met in most of the member organisations’ sealed returns, with how many of them plan to
          meet each and when: where support across the system would help most.
        </p>
        <CommonGapsTable gaps={plans.commonGaps} caption={`Common gaps in ${readableName(plans.ics.name)}`} />
      </section>
    </>
  );
}

/** /ics/:code/plans: the member organisations' improvement plans and the ICS's common gaps. */
export function IcsPlansPage() {
  const code = (useParams()['code'] ?? '').toUpperCase();
  const cycle = useSearchParams()[0].get('cycle') ?? undefined;
  const query = useIcsPlans(code, cycle);
  const forbidden = query.error instanceof ApiRequestError && query.error.isForbidden;
  const notFound = query.error instanceof ApiRequestError && query.error.isNotFound;
  useDocumentTitle(
    forbidden
      ? FORBIDDEN_TITLE
      : notFound
        ? 'ICS not found'
        : `Improvement plans – ${query.data ? readableName(query.data.ics.name) : `ICS ${code}`}`,
  );
  if (forbidden) return <Forbidden />;
  if (notFound) {
    return (
      <NotFound heading="ICS not found">
        <p>There is no integrated care system with the ODS code {code}.</p>
      </NotFound>
    );
  }
  return (
    <>
      <BackLink asElement={Link} to={icsPath(code)}>
        {query.data ? readableName(query.data.ics.name) : `ICS ${code}`}
      </BackLink>
      <h1>
        <span className="nhsuk-caption-l">
          {query.data ? readableName(query.data.ics.name) : `ICS ${code}`}
        </span>
        Improvement plans
      </h1>
      {query.data ? (
        <IcsPlansContent plans={query.data} />
      ) : query.isError ? (
        <ApiErrorSummary error={query.error} />
      ) : (
        <LoadingMessage>Loading the plans…</LoadingMessage>
      )}
    </>
  );
}
