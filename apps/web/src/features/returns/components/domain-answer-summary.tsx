import type { DomainAnswer, DomainScore, Evidence } from '@wgll/contracts';
import type { FrameworkDomain } from '@wgll/framework';
import { SummaryList, Tag } from 'nhsuk-react-components';

import { confidenceLabels } from '../return-labels';

/** `Level 3`, `Not applicable` or `Not answered`, from the domain's score. */
export function describeLevel(score: DomainScore | undefined): string {
  if (!score || score.status === 'unanswered') return 'Not answered';
  if (score.status === 'not-applicable') return 'Not applicable';
  return `Level ${score.level ?? 1}`;
}

interface DomainAnswerSummaryProps {
  domain: FrameworkDomain;
  answer: DomainAnswer | undefined;
  score: DomainScore | undefined;
  evidence: Evidence[];
}

/** One domain's answer as a summary list: level, elements met, confidence, comment and evidence. */
export function DomainAnswerSummary({ domain, answer, score, evidence }: DomainAnswerSummaryProps) {
  const elements = domain.levels.flatMap((level) =>
    level.elements.map((element) => ({ ...element, level: level.level })),
  );
  const met = elements.filter((element) => answer?.met.includes(element.id));
  const cited = evidence.filter((item) => answer?.evidenceIds.includes(item.id));
  return (
    <SummaryList>
      <SummaryList.Row>
        <SummaryList.Key>Level</SummaryList.Key>
        <SummaryList.Value>
          {describeLevel(score)}
          {answer?.toConfirm ? (
            <>
              {' '}
              <Tag modifier="yellow">To confirm</Tag>
            </>
          ) : null}
        </SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Elements met</SummaryList.Key>
        <SummaryList.Value>
          {met.length === 0 ? (
            'None'
          ) : (
            <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-bottom-0">
              {met.map((element) => (
                <li key={element.id}>
                  Level {element.level}: {element.text}
                </li>
              ))}
            </ul>
          )}
        </SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Confidence</SummaryList.Key>
        <SummaryList.Value>
          {answer?.confidence ? confidenceLabels[answer.confidence] : 'Not given'}
        </SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Comment</SummaryList.Key>
        <SummaryList.Value>
          {answer?.comment ? <span className="wgll-pre-line">{answer.comment}</span> : 'None'}
        </SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Evidence</SummaryList.Key>
        <SummaryList.Value>
          {cited.length === 0 ? (
            'None'
          ) : (
            <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
              {cited.map((item) => (
                <li key={item.id}>
                  {item.title} ({item.kind === 'file' ? (item.fileName ?? 'file') : 'link'})
                </li>
              ))}
            </ul>
          )}
        </SummaryList.Value>
      </SummaryList.Row>
    </SummaryList>
  );
}
