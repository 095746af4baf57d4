import type { ReturnDetail } from '@wgll/contracts';
import { InsetText } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link } from 'react-router';

import { useDocumentTitle } from '../../../components/use-document-title';
import { ApprovalsTable } from '../components/approvals-table';
import { ApproveForm } from '../components/approve-form';
import { ReturnHeader } from '../components/return-header';
import { ReturnLoader } from '../components/return-loader';
import { SubmitForm } from '../components/submit-form';
import { SuccessBanner } from '../components/success-banner';
import { returnPath, returnTitle, sealPath } from '../return-labels';

function stateExplanation(detail: ReturnDetail): string {
  switch (detail.state) {
    case 'draft':
      return 'The return is still a draft. When every domain is answered, a trust lead marks it ready, and the board can then approve it.';
    case 'awaiting-approval':
      return 'The return is ready and waiting for the board’s approval.';
    case 'approved':
      return 'The board has approved the return. A trust lead can now submit it.';
    case 'submitted':
      return 'The return has been submitted and sealed.';
  }
}

function ReturnApproval({ detail }: { detail: ReturnDetail }) {
  useDocumentTitle(`Approval – ${returnTitle(detail)}`);
  const [notice, setNotice] = useState<{ message: string; count: number }>();
  const show = (message: string) => setNotice((current) => ({ message, count: (current?.count ?? 0) + 1 }));
  const canApprove =
    detail.permissions.approve && (detail.state === 'awaiting-approval' || detail.state === 'approved');
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
      <InsetText>
        <p>
          Any change to the return after the board has approved it, such as an edited answer or new evidence,
          withdraws the approval. The board then needs to approve the return again before it can be submitted.
        </p>
      </InsetText>
      {detail.state === 'draft' ? (
        <p>
          <Link to={`${returnPath(detail.id)}/review`}>Review the return and see what is missing</Link>
        </p>
      ) : null}
      <h2>Approvals of this revision</h2>
      <ApprovalsTable approvals={detail.approvals} revision={detail.revision} />
      {canApprove ? (
        <ApproveForm returnId={detail.id} onApproved={() => show('The board’s approval has been recorded')} />
      ) : null}
      {canSubmit ? (
        <SubmitForm detail={detail} onSubmitted={() => show('The return has been submitted and sealed')} />
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
