import type { Evidence } from '@wgll/contracts';

import { evidenceFileHref } from '../api/answers-api';
import { describeEvidence, safeHref } from './evidence-format';
import { domainIds, evidenceInputId } from './field-ids';

function EvidenceLink({ returnId, evidence }: { returnId: string; evidence: Evidence }) {
  if (evidence.kind === 'file') {
    return (
      <a href={evidenceFileHref(returnId, evidence.id)} download={evidence.fileName ?? undefined}>
        Download<span className="nhsuk-u-visually-hidden"> {evidence.title}</span>
      </a>
    );
  }
  const href = safeHref(evidence.url);
  return href ? (
    <a href={href} rel="noreferrer noopener" target="_blank">
      Open link<span className="nhsuk-u-visually-hidden"> {evidence.title} (opens in a new tab)</span>
    </a>
  ) : null;
}

interface EvidencePickerProps {
  returnId: string;
  domainId: string;
  evidence: readonly Evidence[];
  cited: readonly string[];
  error: string | undefined;
  onToggle: (evidenceId: string, checked: boolean) => void;
}

/** The return's evidence, each a checkbox: ticked when it supports this domain's answer. */
export function EvidencePicker({
  returnId,
  domainId,
  evidence,
  cited,
  error,
  onToggle,
}: EvidencePickerProps) {
  const id = domainIds(domainId).evidence;
  // Cited evidence since removed from the return: shown so it can be unticked.
  const removed = cited.filter((evidenceId) => !evidence.some((item) => item.id === evidenceId));
  const describedBy = error ? `${id}-hint ${id}-error` : `${id}-hint`;
  return (
    <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Evidence cited</legend>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          Tick the evidence that supports this answer. Evidence added to the return can be cited from any
          domain.
        </div>
        {error ? (
          <p className="nhsuk-error-message" id={`${id}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        {evidence.length === 0 && removed.length === 0 ? (
          <p className="nhsuk-body-s" id={id}>
            No evidence has been added to this return yet.
          </p>
        ) : (
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
            {evidence.map((item, index) => {
              const inputId = index === 0 ? id : evidenceInputId(domainId, item.id);
              return (
                <div key={item.id} className="nhsuk-checkboxes__item">
                  <input
                    className="nhsuk-checkboxes__input"
                    id={inputId}
                    type="checkbox"
                    value={item.id}
                    checked={cited.includes(item.id)}
                    aria-describedby={`${inputId}-hint`}
                    onChange={(event) => onToggle(item.id, event.target.checked)}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={inputId}>
                    {item.title}
                  </label>
                  <div
                    className="nhsuk-hint nhsuk-checkboxes__hint wgll-evidence-hint"
                    id={`${inputId}-hint`}
                  >
                    {describeEvidence(item)}
                  </div>
                  <div className="wgll-checkbox-extra nhsuk-body-s">
                    <EvidenceLink returnId={returnId} evidence={item} />
                  </div>
                </div>
              );
            })}
            {removed.map((evidenceId) => {
              const inputId = evidenceInputId(domainId, evidenceId);
              return (
                <div key={evidenceId} className="nhsuk-checkboxes__item">
                  <input
                    className="nhsuk-checkboxes__input"
                    id={inputId}
                    type="checkbox"
                    value={evidenceId}
                    checked
                    onChange={(event) => onToggle(evidenceId, event.target.checked)}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={inputId}>
                    Evidence removed from the return (untick to stop citing it)
                  </label>
                </div>
              );
            })}
          </div>
        )}
      </fieldset>
    </div>
  );
}
