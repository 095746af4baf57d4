import type { ReadableDomain, ReadableEvidence } from '@wgll/contracts';
import { SummaryList } from 'nhsuk-react-components';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { pluralise } from '../../../lib/format';
import { useSealReadable } from '../api/returns-api';
import { formatScore } from '../return-format';
import { confidenceLabels } from '../return-labels';

function EvidenceItem({ item }: { item: ReadableEvidence }) {
  if (item.kind === 'link' && item.url) {
    return (
      <>
        {item.title} (<a href={item.url}>{item.url}</a>)
      </>
    );
  }
  return (
    <>
      {item.title}
      {item.fileName ? ` (file: ${item.fileName})` : ''}
    </>
  );
}

function levelText(domain: ReadableDomain): string {
  if (domain.status === 'not-applicable') return 'Not applicable';
  if (domain.level === null) return 'Not answered';
  return `Level ${domain.level}`;
}

function DomainAnswer({ domain }: { domain: ReadableDomain }) {
  return (
    <>
      <h3>{domain.title}</h3>
      <SummaryList>
        <SummaryList.Row>
          <SummaryList.Key>Level</SummaryList.Key>
          <SummaryList.Value>{levelText(domain)}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Elements met</SummaryList.Key>
          <SummaryList.Value>
            {domain.met.length > 0 ? (
              <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-bottom-0">
                {domain.met.map((element) => (
                  <li key={element.id}>
                    Level {element.level}: {element.text}
                  </li>
                ))}
              </ul>
            ) : domain.noneMet ? (
              'None of these is met yet'
            ) : (
              'None'
            )}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Comment</SummaryList.Key>
          <SummaryList.Value className="wgll-pre-line">{domain.comment || 'None'}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Confidence</SummaryList.Key>
          <SummaryList.Value>
            {domain.confidence ? confidenceLabels[domain.confidence] : 'Not given'}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Evidence</SummaryList.Key>
          <SummaryList.Value>
            {domain.evidence.length > 0 ? (
              <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                {domain.evidence.map((item) => (
                  <li key={item.id}>
                    <EvidenceItem item={item} />
                  </li>
                ))}
              </ul>
            ) : (
              'None'
            )}
          </SummaryList.Value>
        </SummaryList.Row>
      </SummaryList>
    </>
  );
}

/**
 * The sealed copy in words: each measure and domain by its title, the text of each element met,
 * comments, confidence and evidence, read from the sealed copy and the framework version it names.
 */
export function SealedContent({ returnId, revision }: { returnId: string; revision: number }) {
  const query = useSealReadable(returnId, revision);
  const readable = query.data;
  return (
    <section aria-labelledby="sealed-content-heading">
      <h2 id="sealed-content-heading">The sealed return in full</h2>
      {query.isPending ? <LoadingMessage>Loading the sealed answers…</LoadingMessage> : null}
      {query.isError ? <ApiErrorSummary error={query.error} /> : null}
      {readable ? (
        <>
          <p>
            Answered against {readable.framework.title} (version {readable.framework.version}). Overall score:{' '}
            <strong>{formatScore(readable.overall)}</strong>.
          </p>
          <p>Open a measure to read its domains’ answers.</p>
          {readable.measures.map((measure) => (
            <details key={measure.measure} className="nhsuk-details nhsuk-expander">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">
                  {measure.name}: {formatScore(measure.score)} ({pluralise(measure.domains.length, 'domain')})
                </span>
              </summary>
              <div className="nhsuk-details__text">
                {measure.domains.map((domain) => (
                  <DomainAnswer key={domain.domainId} domain={domain} />
                ))}
              </div>
            </details>
          ))}
        </>
      ) : null}
    </section>
  );
}
