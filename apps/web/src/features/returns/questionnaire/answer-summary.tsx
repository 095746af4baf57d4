import type { Evidence } from '@wgll/contracts';
import type { FrameworkDomain } from '@wgll/framework';
import { Tag } from 'nhsuk-react-components';
import type { ReactNode } from 'react';

import { confidenceLabels } from '../return-labels';
import { effectiveMet, effectiveNoneMet, type AnswerDraft } from './answer-draft';
import { answerLevelLabel } from './live-score';

function sameList(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((item) => b.includes(item));
}

function Row({ label, differs, children }: { label: string; differs: boolean; children: ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">
        {label}
        {differs ? <strong className="nhsuk-tag nhsuk-tag--yellow wgll-differs">Different</strong> : null}
      </dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}

interface AnswerSummaryProps {
  domain: FrameworkDomain;
  draft: AnswerDraft;
  evidence: readonly Evidence[];
  /** The other version, to mark what differs from it. */
  compareTo?: AnswerDraft;
  /** False for a domain with no answer yet: its level says "Not answered". */
  answered?: boolean;
  /** A carried-forward answer not yet confirmed: its level is tagged "To confirm". */
  toConfirm?: boolean;
}

/** `minutes.pdf` for a file, `link` for a link. */
const evidenceKind = (item: Evidence) => (item.kind === 'file' ? (item.fileName ?? 'file') : 'link');

/**
 * A domain's answer, without inputs: for comparing versions, for reading a closed return, and for
 * reviewing the whole return.
 */
export function AnswerSummary({
  domain,
  draft,
  evidence,
  compareTo,
  answered = true,
  toConfirm = false,
}: AnswerSummaryProps) {
  const met = effectiveMet(draft);
  const elements = domain.levels.flatMap((level) =>
    level.elements
      .filter((element) => met.includes(element.id))
      .map((element) => ({ ...element, level: level.level })),
  );
  const cited = draft.evidenceIds.map((id) => {
    const item = evidence.find((candidate) => candidate.id === id);
    return { id, title: item ? `${item.title} (${evidenceKind(item)})` : 'Evidence no longer in the return' };
  });
  return (
    <dl className="nhsuk-summary-list wgll-answer-summary">
      <Row label="Level" differs={false}>
        {answerLevelLabel(domain, draft, answered)}
        {toConfirm ? (
          <>
            {' '}
            <Tag modifier="yellow">To confirm</Tag>
          </>
        ) : null}
      </Row>
      <Row
        label="Elements met"
        differs={
          compareTo !== undefined &&
          (!sameList(met, effectiveMet(compareTo)) || effectiveNoneMet(draft) !== effectiveNoneMet(compareTo))
        }
      >
        {elements.length === 0 ? (
          effectiveNoneMet(draft) ? (
            'None: confirmed that none of these is met yet'
          ) : (
            'None'
          )
        ) : (
          <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-bottom-0">
            {elements.map((element) => (
              <li key={element.id}>
                Level {element.level}: {element.text}
              </li>
            ))}
          </ul>
        )}
      </Row>
      {domain.notApplicableAllowed ? (
        <Row
          label="Not applicable"
          differs={compareTo !== undefined && compareTo.notApplicable !== draft.notApplicable}
        >
          {draft.notApplicable ? 'Yes' : 'No'}
        </Row>
      ) : null}
      <Row label="Comment" differs={compareTo !== undefined && compareTo.comment !== draft.comment}>
        {draft.comment ? <span className="wgll-pre-line wgll-copyable">{draft.comment}</span> : 'None'}
      </Row>
      <Row label="Confidence" differs={compareTo !== undefined && compareTo.confidence !== draft.confidence}>
        {draft.confidence ? confidenceLabels[draft.confidence] : 'Not given'}
      </Row>
      <Row
        label="Evidence"
        differs={compareTo !== undefined && !sameList(draft.evidenceIds, compareTo.evidenceIds)}
      >
        {cited.length === 0 ? (
          'None'
        ) : (
          <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
            {cited.map((item) => (
              <li key={item.id}>{item.title}</li>
            ))}
          </ul>
        )}
      </Row>
    </dl>
  );
}
