import { Button } from 'nhsuk-react-components';
import { useEffect, useId, useRef, useState } from 'react';

import { ApiRequestError } from '../lib/api-client';
import { ApiErrorSummary } from './api-error-summary';

interface RetireActionProps {
  /** What is retired, as the confirmation names it: "the cycle 2026/27". */
  what: string;
  /** The button that starts it: "Retire this version". */
  label: string;
  /** What retiring does, said before the user confirms. */
  consequences: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel?: () => void;
}

/**
 * A "Retire" action that asks first: the button opens a confirmation (focus moves to its heading)
 * with "Yes, retire" and "Cancel". A refusal the API explains (409: in use) is shown in its words.
 */
export function RetireAction({
  what,
  label,
  consequences,
  pending,
  error,
  onConfirm,
  onCancel,
}: RetireActionProps) {
  const [confirming, setConfirming] = useState(false);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) heading.current?.focus();
  }, [confirming]);

  const refusal = error instanceof ApiRequestError && error.status === 409 ? error.body?.message : undefined;
  return (
    <>
      {refusal ? (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby={`${headingId}-refused`}>
          <h2 className="nhsuk-error-summary__title" id={`${headingId}-refused`}>
            {`You cannot retire ${what} yet`}
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{refusal}</p>
          </div>
        </div>
      ) : error ? (
        <ApiErrorSummary error={error} />
      ) : null}
      {confirming ? (
        <div className="nhsuk-warning-callout" role="group" aria-labelledby={headingId}>
          <h3 className="nhsuk-warning-callout__label" id={headingId} ref={heading} tabIndex={-1}>
            {`Retire ${what}?`}
          </h3>
          <p>{consequences}</p>
          <div className="nhsuk-button-group">
            <Button
              type="button"
              warning
              disabled={pending}
              onClick={() => {
                onConfirm();
                setConfirming(false);
              }}
            >
              {`Yes, retire ${what}`}
            </Button>
            <Button
              type="button"
              secondary
              onClick={() => {
                setConfirming(false);
                onCancel?.();
              }}
            >
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button type="button" secondary disabled={pending} onClick={() => setConfirming(true)}>
          {label}
        </Button>
      )}
    </>
  );
}
