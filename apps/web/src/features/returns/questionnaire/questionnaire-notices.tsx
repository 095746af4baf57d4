import type { ReturnDetail } from '@wgll/contracts';
import type { FrameworkDomain } from '@wgll/framework';
import { Button } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { questionnairePath } from '../return-labels';
import type { AutosaveSnapshot } from './autosave-snapshot';
import { domainIds } from './field-ids';

/** Why the answers cannot be changed, or null when they can. */
export function readOnlyReason(detail: ReturnDetail): string | null {
  if (detail.state === 'submitted') {
    return 'This return has been submitted, so its answers can no longer be changed.';
  }
  if (detail.cycle.status === 'upcoming') {
    return `The ${detail.cycle.name} cycle has not opened yet, so answers cannot be entered yet.`;
  }
  if (detail.cycle.status === 'closed') {
    return `The ${detail.cycle.name} cycle has closed, so answers can no longer be changed.`;
  }
  if (!detail.permissions.answer) {
    return 'You can read this return but not change it: your roles do not include answering it.';
  }
  return null;
}

export function ReadOnlyNotice({ reason }: { reason: string }) {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        <strong>These answers are read-only.</strong> {reason}
      </p>
    </div>
  );
}

/** Autosave has stopped for the page: say why, and that unsaved work is still on screen to copy. */
interface StoppedNoticeProps {
  message: string;
  unsaved: number;
  onRetry: () => void;
}

export function StoppedNotice({ message, unsaved, onRetry }: StoppedNoticeProps) {
  return (
    <div className="nhsuk-error-summary" role="alert" aria-labelledby="autosave-stopped-title">
      <h2 className="nhsuk-error-summary__title" id="autosave-stopped-title">
        Your changes can no longer be saved
      </h2>
      <div className="nhsuk-error-summary__body">
        <p>{message}</p>
        {unsaved > 0 ? (
          <p>
            {unsaved === 1 ? '1 change was' : `${unsaved} changes were`} not saved. They are still shown on
            this page, marked “not saved”, so you can copy them.
          </p>
        ) : (
          <p>Everything you changed before this was saved.</p>
        )}
        {unsaved > 0 ? (
          <Button type="button" secondary className="nhsuk-u-margin-bottom-0" onClick={onRetry}>
            Try saving again
          </Button>
        ) : null}
      </div>
    </div>
  );
}

export function ApprovalsWithdrawnNotice() {
  return (
    <div className="nhsuk-notification-banner" role="alert" aria-labelledby="approvals-withdrawn-title">
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="approvals-withdrawn-title">
          Important
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">
          Your change withdrew the board&apos;s approval. The return needs approving again.
        </p>
      </div>
    </div>
  );
}

interface ElsewhereProps {
  returnId: string;
  snapshot: AutosaveSnapshot;
  domains: readonly FrameworkDomain[];
  shown: ReadonlySet<string>;
}

/** Answers not on screen that still need something: a conflict, a refusal, or a save still retrying. */
export function NeedsAttentionElsewhere({ returnId, snapshot, domains, shown }: ElsewhereProps) {
  const items = domains.filter((domain) => {
    const phase = snapshot.domains.get(domain.id)?.phase;
    return (phase === 'conflict' || phase === 'invalid' || phase === 'retrying') && !shown.has(domain.id);
  });
  if (items.length === 0) return null;
  return (
    <div className="nhsuk-warning-callout">
      <h2 className="nhsuk-warning-callout__label">
        <span className="nhsuk-u-visually-hidden">Important: </span>
        Answers on other pages not saved yet
      </h2>
      <ul>
        {items.map((domain) => (
          <li key={domain.id}>
            <Link
              to={`${questionnairePath(returnId, domain.measure, domain.id)}#${domainIds(domain.id).section}`}
            >
              {domain.title}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
