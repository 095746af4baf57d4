import { Button } from 'nhsuk-react-components';
import { useEffect, useRef, useState } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { ApiRequestError } from '../../../lib/api-client';

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
      {error instanceof ApiRequestError && error.status === 409 ? (
        <FormErrorSummary
          title="The action has not been removed"
          errors={[
            {
              id: undefined,
              message:
                'Someone changed the action since you opened it. Check the saved version, then remove it if you still want to.',
            },
          ]}
        />
      ) : error ? (
        <ApiErrorSummary error={error} />
      ) : null}
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
