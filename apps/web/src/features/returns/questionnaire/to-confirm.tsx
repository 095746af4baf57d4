import { Button } from 'nhsuk-react-components';
import { useEffect, useRef } from 'react';

interface ToConfirmProps {
  /** The cycle the answer came from, for example `2025/26`. */
  cycleName: string;
  /** Still carried forward and unconfirmed. */
  toConfirm: boolean;
  /** The person has changed it: the save confirms it. */
  changed: boolean;
  /** The confirm button was pressed on this page (so its result is announced and focused). */
  confirmedHere: boolean;
  busy: boolean;
  readOnly: boolean;
  onConfirm: () => void;
}

/** A carried-forward answer: keep it as it is with one button, or change it (which confirms it too). */
export function ToConfirm({
  cycleName,
  toConfirm,
  changed,
  confirmedHere,
  busy,
  readOnly,
  onConfirm,
}: ToConfirmProps) {
  const done = useRef<HTMLParagraphElement>(null);
  const showDone = !toConfirm && confirmedHere;
  useEffect(() => {
    if (showDone) done.current?.focus();
  }, [showDone]);

  if (showDone) {
    return (
      <div className="nhsuk-inset-text" role="status">
        <p ref={done} tabIndex={-1} className="wgll-focus-target">
          You confirmed this answer. It is now part of this cycle&apos;s return.
        </p>
      </div>
    );
  }
  if (!toConfirm) return null;
  return (
    <div className="nhsuk-inset-text wgll-to-confirm">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <h3 className="nhsuk-heading-s">To confirm — carried forward from {cycleName}</h3>
      {changed ? (
        <p>You have changed this answer. Once your change is saved, the answer is confirmed.</p>
      ) : readOnly ? (
        <p>This answer was carried forward and has not been confirmed.</p>
      ) : (
        <>
          <p>
            This answer was carried forward from the {cycleName} return. Check it still describes your
            organisation, then confirm it as it is or change it. Any change also confirms it.
          </p>
          <Button
            type="button"
            secondary
            className="nhsuk-u-margin-bottom-0"
            disabled={busy}
            onClick={onConfirm}
          >
            Confirm this answer
          </Button>
        </>
      )}
    </div>
  );
}
