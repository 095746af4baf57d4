import type { IcsCompletion, ResultCycle } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { WideTable } from '../../../components/table-scroll';
import { careSettingLabels, readableName } from '../../../lib/format';
import { useIcsCompletion } from '../api/results-api';
import { fileSafe } from '../csv';
import { completionAbout } from '../table-about';
import { completionStateLabels, completionStates } from '../results-labels';
import { CompletionTag } from './completion-tag';
import { TableDownloads } from './table-downloads';

function settingLabel(row: IcsCompletion['rows'][number]): string {
  return row.careSetting ? careSettingLabels[row.careSetting] : 'System (ICB)';
}

function CompletionTable({ completion, icsName }: { completion: IcsCompletion; icsName: string }) {
  const caption = `Returns in ${icsName} for ${completion.cycle.name}`;
  const counts = completionStates
    .filter((state) => completion.counts[state] > 0)
    .map((state) => `${completionStateLabels[state]}: ${completion.counts[state]}`);
  return (
    <>
      <p>{counts.length > 0 ? counts.join(' · ') : 'No returns are expected for this cycle.'}</p>
      {completion.rows.length > 0 ? (
        <WideTable caption={caption} firstCellIsHeader>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Organisation</Table.Cell>
              <Table.Cell>Care setting</Table.Cell>
              <Table.Cell>State</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {completion.rows.map((row) => (
              <Table.Row key={`${row.odsCode}:${row.careSetting ?? 'system'}`}>
                <Table.Cell>{readableName(row.name)}</Table.Cell>
                <Table.Cell>{settingLabel(row)}</Table.Cell>
                <Table.Cell>
                  <CompletionTag state={row.state} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </WideTable>
      ) : null}
      <p className="wgll-figure-basis">
        Cycle {completion.cycle.name} · The state of each return only, never its answers
      </p>
      <TableDownloads
        tableName="returns"
        fileName={`completion-${completion.ics.odsCode}-${fileSafe(completion.cycle.name)}`}
        header={['Organisation', 'ODS code', 'Care setting', 'State']}
        rows={completion.rows.map((row) => [
          readableName(row.name),
          row.odsCode,
          settingLabel(row),
          completionStateLabels[row.state],
        ])}
        about={completionAbout(
          caption,
          completion.cycle.name,
          'The state of each return only, never its answers',
        )}
      />
    </>
  );
}

/** Returns this cycle: how far each organisation's return (and the ICB's own) has got. */
export function IcsCompletionSection({
  code,
  cycle,
  icsName,
}: {
  code: string;
  cycle: ResultCycle;
  icsName: string;
}) {
  const query = useIcsCompletion(code, cycle);
  return (
    <section aria-labelledby="completion-heading">
      <h2 id="completion-heading">Returns this cycle ({cycle.name})</h2>
      {query.isPending ? <LoadingMessage>Loading the returns…</LoadingMessage> : null}
      {query.isError ? <ApiErrorSummary error={query.error} /> : null}
      {query.data ? <CompletionTable completion={query.data} icsName={icsName} /> : null}
    </section>
  );
}
