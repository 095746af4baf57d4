import type { ReturnDetail } from '@wgll/contracts';
import { InsetText } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { pluralise, sentenceCase } from '../../../lib/format';
import { returnPath } from '../../../lib/links';
import { returnPeople } from '../return-labels';

function nextStep(detail: ReturnDetail): string {
  const { total, answered, toConfirm } = detail.progress;
  const people = returnPeople(detail);
  switch (detail.state) {
    case 'draft':
      if (answered < total || toConfirm > 0) {
        return 'Answer every domain, then mark the return ready for board approval.';
      }
      return `Every domain is answered. ${sentenceCase(people.lead)} can now mark the return ready for board approval.`;
    case 'awaiting-approval':
      return `The return is ready for ${people.board}. ${sentenceCase(people.approver)} records the board’s approval${people.onBehalf}, with the date of the meeting and the minute reference.`;
    case 'approved':
      return `${sentenceCase(people.board)} has approved the return. ${sentenceCase(people.lead)} can now submit it: submitting seals it and it can no longer be changed.`;
    case 'submitted':
      return 'The return has been submitted and sealed, so it can no longer be changed. If it needs correcting, a national administrator can reopen it as a new revision.';
  }
}

/** Where the return is and what happens next, in plain English. */
export function WhatNext({ detail }: { detail: ReturnDetail }) {
  const { total, answered, toConfirm } = detail.progress;
  return (
    <section aria-labelledby="what-next-heading">
      <h2 id="what-next-heading">What happens next</h2>
      <p>{nextStep(detail)}</p>
      <p>
        {answered} of {pluralise(total, 'domain')} answered
        {toConfirm > 0 ? `, ${pluralise(toConfirm, 'carried-forward answer')} to confirm` : ''}.
      </p>
      {detail.state === 'approved' ? (
        <p>
          Changing any answer now withdraws the board’s approval, and the board must approve the return again.
        </p>
      ) : null}
      {detail.state === 'draft' && detail.missing.length === 0 && detail.permissions.submit ? (
        <p>
          <Link to={returnPath(detail.id, 'review')}>Review the return and mark it ready</Link>
        </p>
      ) : null}
      {detail.state === 'approved' && detail.permissions.submit ? (
        <p>
          <Link to={returnPath(detail.id, 'approval')}>Submit the return</Link>
        </p>
      ) : null}
      {detail.state === 'awaiting-approval' && detail.permissions.approve ? (
        <p>
          <Link to={returnPath(detail.id, 'approval')}>Record the board’s approval</Link>
        </p>
      ) : null}
    </section>
  );
}

/** Says where carried-forward answers came from, and that they need confirming. */
export function CarriedForwardNotice({ detail }: { detail: ReturnDetail }) {
  if (!detail.carriedForwardFrom) return null;
  return (
    <InsetText>
      <p>
        This return started from the submitted {detail.carriedForwardFrom.cycleName} return. Copied answers
        are marked “To confirm” until someone confirms or changes them.
        {detail.progress.toConfirm > 0
          ? ` ${pluralise(detail.progress.toConfirm, 'answer')} still ${detail.progress.toConfirm === 1 ? 'needs' : 'need'} confirming.`
          : ' Every copied answer has been confirmed.'}
      </p>
    </InsetText>
  );
}
