import type { CareSetting, CreateReturnsResult, Cycle, ReturnSummary } from '@wgll/contracts';
import { BackLink, InsetText } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { useDocumentTitle } from '../../../components/use-document-title';
import { careSettingLabels, readableName } from '../../../lib/format';
import { organisationPath } from '../../../lib/links';
import { useCurrentUser } from '../../auth/api/session-api';
import { CyclePicker, useChosenCycle } from '../../cycles/components/cycle-picker';
import { useOrganisation } from '../../organisations/api/organisations-api';
import { useOrganisationReturns } from '../api/returns-api';
import { CycleDates } from '../components/cycle-dates';
import { NoCycles } from '../components/no-cycles';
import { ReturnsStarted } from '../components/returns-started';
import { ReturnsTable } from '../components/returns-table';
import { StartReturnsForm } from '../components/start-returns-form';

function CycleReturns({
  code,
  cycle,
  careSettings,
}: {
  code: string;
  cycle: Cycle;
  careSettings: CareSetting[];
}) {
  const user = useCurrentUser();
  const returns = useOrganisationReturns(code, cycle.id);
  const [started, setStarted] = useState<{ result: CreateReturnsResult; count: number }>();
  const isLead =
    user?.roles.some((grant) => grant.role === 'trust-lead' && grant.scope.code === code) ?? false;

  if (returns.isPending) return <LoadingMessage>Loading the returns…</LoadingMessage>;
  if (returns.isError) return <ApiErrorSummary error={returns.error} />;
  const items: ReturnSummary[] = returns.data.items;
  const notStarted = careSettings.filter((setting) => !items.some((item) => item.careSetting === setting));

  return (
    <>
      {started ? <ReturnsStarted key={started.count} result={started.result} /> : null}
      <CycleDates cycle={cycle} />
      {items.length > 0 ? (
        <ReturnsTable returns={items} caption={`Returns for ${cycle.name}`} />
      ) : (
        <InsetText>
          <p>No returns have been started for {cycle.name} yet.</p>
          <p>
            {isLead
              ? 'Start a return for each care setting your trust runs below. Then give each success measure to the people who will answer it.'
              : 'A trust lead starts the returns. When they have, they will be listed here.'}
          </p>
        </InsetText>
      )}
      {isLead && cycle.status !== 'closed' && notStarted.length > 0 ? (
        <StartReturnsForm
          key={`${cycle.id}:${notStarted.join(',')}`}
          code={code}
          cycle={cycle}
          careSettings={notStarted}
          onStarted={(result) => setStarted((current) => ({ result, count: (current?.count ?? 0) + 1 }))}
        />
      ) : null}
      {isLead && notStarted.length > 0 && cycle.status === 'closed' ? (
        <p>This cycle has closed, so no more returns can be started for it.</p>
      ) : null}
      {careSettings.length === 0 ? (
        <p>The directory does not record any care settings for this trust, so it has no returns to start.</p>
      ) : null}
      {notStarted.length > 0 && items.length > 0 && !isLead ? (
        <p>Not started yet: {notStarted.map((setting) => careSettingLabels[setting]).join(', ')}.</p>
      ) : null}
    </>
  );
}

/** /organisations/:code/returns: a trust's assessment returns for a cycle, and starting them. */
export function OrganisationReturnsPage() {
  const code = (useParams()['code'] ?? '').toUpperCase();
  const organisation = useOrganisation(code, undefined);
  const { cycles, chosen } = useChosenCycle();
  const name = organisation.data ? readableName(organisation.data.name) : code;
  useDocumentTitle(`Assessment returns – ${name}`);

  return (
    <>
      <BackLink asElement={Link} to={organisationPath(code)}>
        {name}
      </BackLink>
      <h1>
        <span className="nhsuk-caption-l">{name}</span>
        Assessment returns
      </h1>
      <p>
        Each care setting the trust runs has its own return for each assessment cycle. The trust answers every
        domain, the board approves the return, and a trust lead submits it.
      </p>
      {organisation.isError ? <ApiErrorSummary error={organisation.error} /> : null}
      {cycles.isPending || organisation.isPending ? (
        <LoadingMessage>Loading the returns…</LoadingMessage>
      ) : null}
      {cycles.isError ? <ApiErrorSummary error={cycles.error} /> : null}
      {cycles.data && !chosen ? <NoCycles /> : null}
      {chosen && organisation.data ? (
        <>
          <CyclePicker cycles={cycles.data?.items ?? []} chosen={chosen} />
          <CycleReturns code={code} cycle={chosen} careSettings={organisation.data.careSettings} />
        </>
      ) : null}
    </>
  );
}
