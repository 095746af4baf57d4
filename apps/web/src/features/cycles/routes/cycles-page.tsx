import type { Cycle } from '@wgll/contracts';
import { InsetText } from 'nhsuk-react-components';
import { useState } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { SuccessBanner } from '../../../components/success-banner';
import { useDocumentTitle } from '../../../components/use-document-title';
import { useCycles } from '../../../lib/api/cycles-api';
import { formatDate } from '../../../lib/dates';
import { CreateCycleForm } from '../components/create-cycle-form';
import { CycleDatesForm } from '../components/cycle-dates-form';
import { CyclesTable } from '../components/cycles-table';
import { RetireCycleForm } from '../components/retire-cycle-form';

/** /admin/cycles: the assessment cycles, creating one and moving their dates (national administrators). */
export function CyclesPage() {
  useDocumentTitle('Assessment cycles');
  const cycles = useCycles({ includeRetired: true });
  const current = cycles.data?.items.filter((cycle) => !cycle.retiredAt) ?? [];
  const [notice, setNotice] = useState<{ message: string; count: number }>();
  const show = (message: string) => setNotice((current) => ({ message, count: (current?.count ?? 0) + 1 }));

  return (
    <>
      {notice ? <SuccessBanner key={notice.count} heading={notice.message} /> : null}
      <h1>Assessment cycles</h1>
      <p>
        A cycle is one round of assessment, usually a financial year. Trusts and ICBs start their returns in a
        cycle and can answer while it is open. Each cycle fixes the framework versions its returns use.
      </p>
      {cycles.isPending ? <LoadingMessage>Loading the cycles…</LoadingMessage> : null}
      {cycles.isError ? <ApiErrorSummary error={cycles.error} /> : null}
      {cycles.data ? (
        cycles.data.items.length === 0 ? (
          <InsetText>
            <p>There are no cycles yet. Create the first one below.</p>
          </InsetText>
        ) : (
          <CyclesTable cycles={cycles.data.items} />
        )
      ) : null}
      <CreateCycleForm onCreated={(cycle: Cycle) => show(`Created the cycle ${cycle.name}`)} />
      {current.length > 0 ? (
        <CycleDatesForm
          key={current.map((cycle) => cycle.id).join(' ')}
          cycles={current}
          onChanged={(cycle) =>
            show(
              `${cycle.name} now opens on ${formatDate(cycle.opensOn)} and closes on ${formatDate(cycle.closesOn)}`,
            )
          }
        />
      ) : null}
      {current.length > 0 ? (
        <RetireCycleForm
          key={current.map((cycle) => cycle.id).join(' ')}
          cycles={current}
          onRetired={(cycle) => show(`Retired the cycle ${cycle.name}`)}
        />
      ) : null}
    </>
  );
}
