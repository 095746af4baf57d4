import type { Evidence, ReturnDetail } from '@wgll/contracts';
import type { FrameworkDomain } from '@wgll/framework';
import { Button } from 'nhsuk-react-components';
import { useEffect, useRef, useState } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { ApiRequestError } from '../../../lib/api-client';
import { pluralise } from '../../../lib/format';
import { apiFieldErrors, type FormError } from '../../../lib/form-errors';
import { useRemoveEvidence } from '../api/answers-api';
import { describeEvidence } from './evidence-format';

const HEADING_ID = 'return-evidence-heading';

/** `Domain A`, `Domain A and Domain B`, `Domain A, Domain B and Domain C`. */
function listTitles(titles: readonly string[]): string {
  if (titles.length <= 1) return titles.join('');
  return `${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1]}`;
}

/** What the removal did, said once it is done. */
interface Removed {
  title: string;
  answers: number;
  approvalWithdrawn: boolean;
}

function removedMessage({ title, answers, approvalWithdrawn }: Removed): string {
  const from =
    answers === 0
      ? `“${title}” has been removed from the return.`
      : `“${title}” has been removed from the return and taken off ${pluralise(answers, 'answer')}.`;
  return approvalWithdrawn
    ? `${from} This withdrew the board’s approval: the return needs approving again.`
    : from;
}

/** Why a removal was refused, in words for the error summary (empty: a problem with the service). */
function refusal(error: unknown, title: string): FormError[] {
  if (error instanceof ApiRequestError && error.isNotFound) {
    return [{ id: undefined, message: `“${title}” had already been removed from the return` }];
  }
  return apiFieldErrors(error, {}, { conflicts: true });
}

interface ConfirmRemovalProps {
  evidence: Evidence;
  citedBy: readonly string[];
  approved: boolean;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Are you sure?": what removing the evidence takes with it, and the two ways on. */
function ConfirmRemoval({ evidence, citedBy, approved, pending, onConfirm, onCancel }: ConfirmRemovalProps) {
  const question = useRef<HTMLParagraphElement>(null);
  const questionId = `remove-evidence-${evidence.id}`;
  // The question replaces the button that asked it: focus moves to it, so it is read out.
  useEffect(() => question.current?.focus(), []);
  return (
    <div className="wgll-remove-evidence" role="group" aria-labelledby={questionId}>
      <p id={questionId} ref={question} tabIndex={-1} className="wgll-focus-target">
        <strong>Are you sure you want to remove “{evidence.title}”?</strong>{' '}
        {citedBy.length === 0
          ? 'No answer cites it.'
          : `It will be taken off ${pluralise(citedBy.length, 'answer')}: ${listTitles(citedBy)}.`}
      </p>
      {approved ? (
        <p>
          Removing it withdraws the board’s approval, like any other change: the return will need approving
          again.
        </p>
      ) : null}
      <div className="nhsuk-button-group nhsuk-u-margin-bottom-0">
        <Button type="button" warning small disabled={pending} onClick={onConfirm}>
          {pending ? 'Removing…' : 'Yes, remove it'}
        </Button>
        <Button type="button" secondary small disabled={pending} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

interface ReturnEvidenceProps {
  detail: ReturnDetail;
  /** The return's domains, to name the answers citing each piece of evidence. */
  domains: readonly FrameworkDomain[];
}

/**
 * "Evidence for this return": everything added to the return, each with a button to remove it (after
 * an "Are you sure?"). Removal takes it off every answer citing it; the outcome is announced.
 */
export function ReturnEvidence({ detail, domains }: ReturnEvidenceProps) {
  const remove = useRemoveEvidence(detail.id);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [removed, setRemoved] = useState<Removed | null>(null);
  const [failed, setFailed] = useState<{ title: string; attempt: number } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // After "Cancel", focus goes back to the button that asked.
  const focusButton = useRef<string | null>(null);

  const titleOf = (domainId: string) => domains.find((domain) => domain.id === domainId)?.title ?? domainId;
  const problems = failed ? refusal(remove.error, failed.title) : [];

  function ask(evidence: Evidence) {
    remove.reset();
    setFailed(null);
    setRemoved(null);
    setConfirming(evidence.id);
  }

  function cancel(evidence: Evidence) {
    focusButton.current = evidence.id;
    setConfirming(null);
  }

  function confirm(evidence: Evidence) {
    if (remove.isPending) return;
    const done: Removed = {
      title: evidence.title,
      answers: evidence.usedBy.length,
      approvalWithdrawn: detail.state === 'approved',
    };
    remove.mutate(evidence.id, {
      onSuccess: () => {
        setConfirming(null);
        setRemoved(done);
        // The evidence (and the button that removed it) is gone: focus stays in this section.
        heading.current?.focus();
      },
      onError: () => {
        setConfirming(null);
        // The error summary takes focus; a new key announces a second failure too.
        setFailed((before) => ({ title: evidence.title, attempt: (before?.attempt ?? 0) + 1 }));
      },
    });
  }

  return (
    <section className="wgll-return-evidence" aria-labelledby={HEADING_ID}>
      <h2 id={HEADING_ID} ref={heading} tabIndex={-1} className="wgll-focus-target">
        Evidence for this return
      </h2>
      {failed && problems.length > 0 ? (
        <FormErrorSummary
          key={failed.attempt}
          title="The evidence could not be removed"
          headingLevel="h3"
          errors={problems}
        />
      ) : failed ? (
        <ApiErrorSummary key={failed.attempt} error={remove.error} />
      ) : null}
      <div role="status" aria-live="polite" className="wgll-evidence-removed">
        {removed ? <p>{removedMessage(removed)}</p> : null}
      </div>
      {detail.evidence.length === 0 ? (
        <p>No evidence has been added to this return yet. Add links or files from any domain above.</p>
      ) : (
        <>
          <p className="nhsuk-body-s">
            Evidence belongs to the whole return, and any domain can cite it. Removing it here takes it off
            every answer citing it. Copies of the return sealed earlier keep it.
          </p>
          <ul className="nhsuk-list wgll-evidence-list">
            {detail.evidence.map((evidence) => {
              const citedBy = evidence.usedBy.map(titleOf);
              return (
                <li key={evidence.id} className="wgll-evidence-list__item">
                  <p className="nhsuk-u-margin-bottom-1">
                    <strong>{evidence.title}</strong>
                  </p>
                  <p className="nhsuk-body-s nhsuk-u-margin-bottom-1 wgll-evidence-hint">
                    {describeEvidence(evidence)}
                  </p>
                  <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
                    {citedBy.length === 0 ? 'Not cited by any answer' : `Cited by ${listTitles(citedBy)}`}
                  </p>
                  {confirming === evidence.id ? (
                    <ConfirmRemoval
                      evidence={evidence}
                      citedBy={citedBy}
                      approved={detail.state === 'approved'}
                      pending={remove.isPending}
                      onConfirm={() => confirm(evidence)}
                      onCancel={() => cancel(evidence)}
                    />
                  ) : (
                    <Button
                      type="button"
                      secondary
                      small
                      disabled={remove.isPending}
                      ref={(node: HTMLButtonElement | HTMLAnchorElement | null) => {
                        if (node && focusButton.current === evidence.id) {
                          focusButton.current = null;
                          node.focus();
                        }
                      }}
                      onClick={() => ask(evidence)}
                    >
                      Remove<span className="nhsuk-u-visually-hidden"> {evidence.title}</span>
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
