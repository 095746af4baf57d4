import type { ReturnDetail } from '@wgll/contracts';
import type { FrameworkDomain } from '@wgll/framework';
import { Button, InsetText, NotificationBanner, WarningCallout } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { FormErrorSummary } from '../../../components/form-error-summary';
import { pluralise } from '../../../lib/format';
import { questionnairePath } from '../../../lib/links';
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
    <InsetText>
      <p>
        <strong>These answers are read-only.</strong> {reason}
      </p>
    </InsetText>
  );
}

interface StoppedNoticeProps {
  message: string;
  unsaved: number;
  onRetry: () => void;
}

/** Autosave has stopped for the page: say why, and that unsaved work is still on screen to copy. */
export function StoppedNotice({ message, unsaved, onRetry }: StoppedNoticeProps) {
  return (
    // It can appear while someone types, so it is announced rather than taking focus.
    <FormErrorSummary title="Your changes can no longer be saved" errors={[]} disableAutoFocus>
      <p>{message}</p>
      {unsaved > 0 ? (
        <>
          <p>
            {pluralise(unsaved, 'change was', 'changes were')} not saved. They are still shown on this page,
            marked “not saved”, so you can copy them.
          </p>
          <Button type="button" secondary className="nhsuk-u-margin-bottom-0" onClick={onRetry}>
            Try saving again
          </Button>
        </>
      ) : (
        <p>Everything you changed before this was saved.</p>
      )}
    </FormErrorSummary>
  );
}

export function ApprovalsWithdrawnNotice() {
  return (
    // An alert, but it does not take focus: it follows an edit the person may still be making.
    <NotificationBanner role="alert" titleId="approvals-withdrawn-title" disableAutoFocus>
      <NotificationBanner.Heading>
        Your change withdrew the board&apos;s approval. The return needs approving again.
      </NotificationBanner.Heading>
    </NotificationBanner>
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
    <WarningCallout>
      <WarningCallout.Heading headingLevel="h2">Answers on other pages not saved yet</WarningCallout.Heading>
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
    </WarningCallout>
  );
}
