import type { RegionCompletion, ResultCycle } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { WideTable } from '../../../components/table-scroll';
import { readableName } from '../../../lib/format';
import { useRegionCompletion } from '../api/results-api';
import { fileSafe } from '../csv';
import { completionAbout } from '../table-about';
import { completionStateLabels, completionStates } from '../results-labels';
import { TableDownloads } from './table-downloads';

function CompletionTable({ completion }: { completion: RegionCompletion }) {
  const caption = `Returns for ${completion.cycle.name} in each ICS of ${completion.region.name}, by state`;
  return (
    <>
      <WideTable caption={caption} firstCellIsHeader>
        <Table.Head>
          <Table.Row>
            <Table.Cell>ICS</Table.Cell>
            <Table.Cell format="numeric">Returns expected</Table.Cell>
            {completionStates.map((state) => (
              <Table.Cell key={state} format="numeric">
                {completionStateLabels[state]}
              </Table.Cell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {completion.groups.map((group) => (
            <Table.Row key={group.code}>
              <Table.Cell>{readableName(group.name)}</Table.Cell>
              <Table.Cell format="numeric">{group.expected}</Table.Cell>
              {completionStates.map((state) => (
                <Table.Cell key={state} format="numeric">
                  {group.counts[state]}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </WideTable>
      <p className="wgll-figure-basis">
        Cycle {completion.cycle.name} · Each trust’s return per care setting and each ICB’s own return · The
        state of each return only, never its answers
      </p>
      <TableDownloads
        tableName="completion"
        fileName={`completion-${completion.region.odsCode}-${fileSafe(completion.cycle.name)}`}
        header={[
          'ICS',
          'Code',
          'Returns expected',
          ...completionStates.map((state) => completionStateLabels[state]),
        ]}
        rows={completion.groups.map((group) => [
          readableName(group.name),
          group.code,
          group.expected,
          ...completionStates.map((state) => group.counts[state]),
        ])}
        about={completionAbout(
          caption,
          completion.cycle.name,
          'Each trust’s return per care setting and each ICB’s own return, counted by state',
        )}
      />
    </>
  );
}

/** How far each ICS's returns have got in the cycle accepting returns. */
export function RegionCompletionSection({ code, cycle }: { code: string; cycle: ResultCycle }) {
  const query = useRegionCompletion(code, cycle);
  return (
    <section aria-labelledby="completion-heading">
      <h2 id="completion-heading">Returns this cycle ({cycle.name})</h2>
      {query.isPending ? <LoadingMessage>Loading the returns…</LoadingMessage> : null}
      {query.isError ? <ApiErrorSummary error={query.error} /> : null}
      {query.data ? <CompletionTable completion={query.data} /> : null}
    </section>
  );
}
