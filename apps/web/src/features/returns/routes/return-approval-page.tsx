import type { ReturnDetail } from '@wgll/contracts';
import { InsetText } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link } from 'react-router';

import { SuccessBanner } from '../../../components/success-banner';
import { useDocumentTitle } from '../../../components/use-document-title';
import { useCurrentUser } from '../../../lib/api/session-api';
import { formatDate } from '../../../lib/dates';
import { sentenceCase } from '../../../lib/format';
import { returnPath, sealPath } from '../../../lib/links';
import { ApprovalsTable } from '../components/approvals-table';
import { ApproveForm } from '../components/approve-form';
import { PlanWithReturn } from '../components/plan-with-return';
import { ReturnHeader } from '../components/return-header';
import { ReturnLoader } from '../components/return-loader';
import { SendBackForm } from '../components/send-back-form';
import { SentBackNotice } from '../components/sent-back-notice';
import { returnPeople, returnTitle } from '../return-labels';

function stateExplanation(detail: ReturnDetail): string {
  const people = returnPeople(detail);
  switch (detail.state) {
    case 'draft':
      return `The return is still a draft. When every domain is answered, ${people.lead} marks it ready, and ${people.board} can then approve it.`;
    case 'awaiting-approval':
      return `The return is ready and waiting for ${people.board}’s approval.`;
    case 'approved':
      return `${sentenceCase(people.board)} has approved the return. ${sentenceCase(people.lead)} can now submit it.`;
    case 'submitted':
      return 'The return has been submitted and sealed: its answers and approvals can no longer change. Only a national administrator can reopen it, as a new revision.';
  }
}

function ReturnApproval({ detail }: { detail: ReturnDetail }) {
  useDocumentTitle(`Approval – ${returnTitle(detail)}`);
  const userId = useCurrentUser()?.id;
  const [notice, setNotice] = useState<{ message: string; count: number }>();
  const show = (message: string) => setNotice((current) => ({ message, count: (current?.count ?? 0) + 1 }));
  // The signed-in user's own approval of this revision, while it stands: they need not approve again.
  const approvedByMe = detail.approvals.find(
    (approval) =>
      approval.approver.id === userId && approval.revision === detail.revision && !approval.withdrawnAt,
  );
  const canApprove = detail.permissions.approve && !approvedByMe;
  const canSendBack = detail.permissions.decline;
  const canSubmit = detail.permissions.submit && detail.state === 'approved';
  const seal = detail.seals.find((item) => item.revision === detail.revision);

  return (
    <>
      <ReturnHeader detail={detail} current="approval" />
      {notice ? (
        <SuccessBanner key={notice.count} heading={notice.message}>
          {detail.state === 'submitted' && seal ? (
            <p>
              <Link to={sealPath(detail.id, seal.revision)}>View the sealed return</Link>
            </p>
          ) : null}
        </SuccessBanner>
      ) : null}
      <h1>Board approval</h1>
      <p>{stateExplanation(detail)}</p>
      <SentBackNotice detail={detail} />
      {detail.state === 'submitted' ? null : (
        <InsetText>
          <p>
            Any change to the return after the board has approved it, such as an edited answer or new
            evidence, withdraws the approval. The board then needs to approve the return again before it can
            be submitted.
          </p>
        </InsetText>
      )}
      {detail.state === 'draft' ? (
        <p>
          <Link to={returnPath(detail.id, 'review')}>Review the return and see what is missing</Link>
        </p>
      ) : null}
      <PlanWithReturn detail={detail} />
      <h2>Approvals of this revision</h2>
      <ApprovalsTable approvals={detail.approvals} revision={detail.revision} />
      {approvedByMe && detail.state !== 'submitted' ? (
        <p>
          You have recorded the board’s approval of this revision, from the meeting on{' '}
          {formatDate(approvedByMe.meetingDate)}. You do not need to record it again unless the return
          changes.
        </p>
      ) : null}
      {canApprove ? (
        <ApproveForm detail={detail} onApproved={() => show('The board’s approval has been recorded')} />
      ) : null}
      {canSendBack ? (
        <SendBackForm
          detail={detail}
          onSentBack={() => show('The return has been sent back to the team with the board’s comments')}
        />
      ) : null}
      {canSubmit ? (
        <section aria-labelledby="submit-heading">
          <h2 id="submit-heading">Submit the return</h2>
          <p>Check what will be sealed, then submit it. Once sealed, it cannot be changed.</p>
          <Link className="nhsuk-button" to={returnPath(detail.id, 'submit')}>
            Submit the return
          </Link>
        </section>
      ) : null}
      {detail.state === 'submitted' && seal ? (
        <p>
          <Link to={sealPath(detail.id, seal.revision)}>View the sealed return and check its seal</Link>
        </p>
      ) : null}
    </>
  );
}

/** /returns/:id/approval: the board's approvals, recording one, and submitting the approved return. */
export function ReturnApprovalPage() {
  return <ReturnLoader>{(detail) => <ReturnApproval detail={detail} />}</ReturnLoader>;
}
