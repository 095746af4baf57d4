import type { ReturnDetail } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { pluralise } from '../../../lib/format';
import { useSealSnapshot } from '../api/returns-api';
import { formatScore } from '../return-format';
import { readSnapshot } from '../snapshot';

/** The scores as sealed, read from the sealed snapshot itself. */
export function SnapshotScores({ detail, revision }: { detail: ReturnDetail; revision: number }) {
  const snapshot = useSealSnapshot(detail.id, revision);
  const scores = snapshot.data === undefined ? undefined : readSnapshot(snapshot.data);

  return (
    <section aria-labelledby="sealed-scores-heading">
      <h2 id="sealed-scores-heading">Scores as sealed</h2>
      {snapshot.isPending ? <LoadingMessage>Loading the sealed return…</LoadingMessage> : null}
      {snapshot.isError ? <ApiErrorSummary error={snapshot.error} /> : null}
      {snapshot.data !== undefined && !scores ? <p>The sealed return does not include scores.</p> : null}
      {scores ? (
        <>
          <p>Read from the sealed copy itself, with {pluralise(scores.answers, 'domain')} answered.</p>
          <Table responsive caption={`Scores of revision ${revision}`}>
            <Table.Head>
              <Table.Row>
                <Table.Cell>Success measure</Table.Cell>
                <Table.Cell>Score (1 to 5)</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {scores.measures.map((item) => (
                <Table.Row key={item.measure}>
                  <Table.Cell>
                    {detail.measures.find((measure) => measure.measure === item.measure)?.name ??
                      item.measure}
                  </Table.Cell>
                  <Table.Cell>{formatScore(item.score)}</Table.Cell>
                </Table.Row>
              ))}
              <Table.Row>
                <Table.Cell>
                  <strong>Overall</strong>
                </Table.Cell>
                <Table.Cell>
                  <strong>{formatScore(scores.overall)}</strong>
                </Table.Cell>
              </Table.Row>
            </Table.Body>
          </Table>
        </>
      ) : null}
    </section>
  );
}
