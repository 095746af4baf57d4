import type { CreateReturnsResult, Cycle } from '@wgll/contracts';
import { BackLink, InsetText } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { useDocumentTitle } from '../../../components/use-document-title';
import { readableName } from '../../../lib/format';
import { icsPath } from '../../../lib/links';
import { useCurrentUser } from '../../auth/api/session-api';
import { CyclePicker, useChosenCycle } from '../../cycles/components/cycle-picker';
import { useIcs } from '../../ics/api/ics-api';
import { useIcsReturns } from '../api/returns-api';
import { CycleDates } from '../components/cycle-dates';
import { NoCycles } from '../components/no-cycles';
import { ReturnsStarted } from '../components/returns-started';
import { ReturnsTable } from '../components/returns-table';
import { StartSystemReturnForm } from '../components/start-system-return-form';

function CycleSystemReturn({ code, cycle }: { code: string; cycle: Cycle }) {
  const user = useCurrentUser();
  const returns = useIcsReturns(code, cycle.id);
  const [started, setStarted] = useState<{ result: CreateReturnsResult; count: number }>();
  const isLead = user?.roles.some((grant) => grant.role === 'ics-lead' && grant.scope.code === code) ?? false;

  if (returns.isPending) return <LoadingMessage>Loading the system return…</LoadingMessage>;
  if (returns.isError) return <ApiErrorSummary error={returns.error} />;
  const items = returns.data.items;

  return (
    <>
      {started ? <ReturnsStarted key={started.count} result={started.result} /> : null}
      <CycleDates cycle={cycle} />
      {items.length > 0 ? (
        <ReturnsTable returns={items} caption={`System return for ${cycle.name}`} />
      ) : (
        <InsetText>
          <p>The system return for {cycle.name} has not been started yet.</p>
          <p>
            {isLead
              ? 'Start it below. Then give each success measure to the people who will answer it.'
              : 'An ICS lead starts the system return. When they have, it will be listed here.'}
          </p>
        </InsetText>
      )}
      {isLead && items.length === 0 && cycle.status !== 'closed' ? (
        <StartSystemReturnForm
          key={cycle.id}
          code={code}
          cycle={cycle}
          onStarted={(result) => setStarted((current) => ({ result, count: (current?.count ?? 0) + 1 }))}
        />
      ) : null}
      {isLead && items.length === 0 && cycle.status === 'closed' ? (
        <p>This cycle has closed, so its system return can no longer be started.</p>
      ) : null}
    </>
  );
}

/** /ics/:code/returns: the ICB's own system-level return for a cycle, and starting it. */
export function IcsReturnsPage() {
  const code = (useParams()['code'] ?? '').toUpperCase();
  const ics = useIcs(code, undefined);
  const { cycles, chosen } = useChosenCycle();
  const name = ics.data ? readableName(ics.data.name) : code;
  useDocumentTitle(`Assessment returns – ${name}`);

  return (
    <>
      <BackLink asElement={Link} to={icsPath(code)}>
        {name}
      </BackLink>
      <h1>
        <span className="nhsuk-caption-l">{name}</span>
        Assessment returns
      </h1>
      <p>
        Besides its trusts’ returns, each integrated care board completes one system-level return for each
        assessment cycle, against the framework for integrated care systems.
      </p>
      {cycles.isPending ? <LoadingMessage>Loading the assessment cycles…</LoadingMessage> : null}
      {cycles.isError ? <ApiErrorSummary error={cycles.error} /> : null}
      {cycles.data && !chosen ? <NoCycles /> : null}
      {chosen ? (
        <>
          <CyclePicker cycles={cycles.data?.items ?? []} chosen={chosen} />
          <CycleSystemReturn code={code} cycle={chosen} />
        </>
      ) : null}
    </>
  );
}
