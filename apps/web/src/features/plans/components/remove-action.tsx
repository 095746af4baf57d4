import { Button } from 'nhsuk-react-components';
import { useEffect, useRef, useState } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';

/** "Remove this action", which asks first: focus moves to the question, with "Yes, remove it" and "No, keep it". */
export function RemoveAction({
  title,
  pending,
  error,
  onConfirm,
}: {
  title: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) heading.current?.focus();
  }, [confirming]);
  return (
    <>
      {error ? <ApiErrorSummary error={error} /> : null}
      {confirming ? (
        <div className="nhsuk-warning-callout" role="group" aria-labelledby="remove-action-question">
          <h3
            className="nhsuk-warning-callout__label"
            id="remove-action-question"
            ref={heading}
            tabIndex={-1}
          >
            Remove “{title}”?
          </h3>
          <p>
            The action leaves the plan, and its elements are proposed again under what the gap needs. Versions
            of the plan the board approved keep it.
          </p>
          <div className="nhsuk-button-group">
            <Button type="button" warning disabled={pending} onClick={onConfirm}>
              Yes, remove it
            </Button>
            <Button type="button" secondary onClick={() => setConfirming(false)}>
              No, keep it
            </Button>
          </div>
        </div>
      ) : (
        <Button type="button" secondary onClick={() => setConfirming(true)}>
          Remove this action
        </Button>
      )}
    </>
  );
}
