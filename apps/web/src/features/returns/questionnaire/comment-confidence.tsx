import type { Confidence } from '@wgll/contracts';

import { confidenceLabels } from '../return-labels';
import { domainIds } from './field-ids';

const confidences: Confidence[] = ['low', 'medium', 'high'];

function ErrorText({ id, message }: { id: string; message: string }) {
  return (
    <p className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {message}
    </p>
  );
}

interface CommentFieldProps {
  domainId: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  onBlur: () => void;
}

/** The comment: saved when the person pauses typing, or leaves the field. */
export function CommentField({ domainId, value, error, onChange, onBlur }: CommentFieldProps) {
  const id = domainIds(domainId).comment;
  const describedBy = error ? `${id}-hint ${id}-error` : `${id}-hint`;
  return (
    <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
        Comment
      </label>
      <div className="nhsuk-hint" id={`${id}-hint`}>
        What supports your answer, or what is planned. It is saved when you stop typing.
      </div>
      {error ? <ErrorText id={`${id}-error`} message={error} /> : null}
      <textarea
        className={error ? 'nhsuk-textarea nhsuk-textarea--error' : 'nhsuk-textarea'}
        id={id}
        name={id}
        rows={4}
        maxLength={10000}
        value={value}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
    </div>
  );
}

interface ConfidenceFieldProps {
  domainId: string;
  value: Confidence | null;
  error: string | undefined;
  onChange: (value: Confidence) => void;
}

export function ConfidenceField({ domainId, value, error, onChange }: ConfidenceFieldProps) {
  const id = domainIds(domainId).confidence;
  return (
    <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <fieldset className="nhsuk-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
          How confident are you in this answer?
        </legend>
        {error ? <ErrorText id={`${id}-error`} message={error} /> : null}
        <div className="nhsuk-radios nhsuk-radios--inline">
          {confidences.map((confidence, index) => {
            const inputId = index === 0 ? id : `${id}-${confidence}`;
            return (
              <div key={confidence} className="nhsuk-radios__item">
                <input
                  className="nhsuk-radios__input"
                  id={inputId}
                  name={id}
                  type="radio"
                  value={confidence}
                  checked={value === confidence}
                  onChange={() => onChange(confidence)}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={inputId}>
                  {confidenceLabels[confidence]}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

interface NotApplicableFieldProps {
  domainId: string;
  checked: boolean;
  error: string | undefined;
  onChange: (checked: boolean) => void;
}

/** Offered only where the framework allows the domain to be not applicable. */
export function NotApplicableField({ domainId, checked, error, onChange }: NotApplicableFieldProps) {
  const id = domainIds(domainId).notApplicable;
  return (
    <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      {error ? <ErrorText id={`${id}-error`} message={error} /> : null}
      <div className="nhsuk-checkboxes">
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id={id}
            type="checkbox"
            checked={checked}
            aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
            onChange={(event) => onChange(event.target.checked)}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
            Not applicable
          </label>
          <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-hint`}>
            This domain does not apply to your organisation. It is then not scored.
          </div>
        </div>
      </div>
    </div>
  );
}
