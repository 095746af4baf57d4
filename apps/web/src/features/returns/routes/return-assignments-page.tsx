import type { ReturnDetail } from '@wgll/contracts';
import { useState } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { SuccessBanner } from '../../../components/success-banner';
import { useDocumentTitle } from '../../../components/use-document-title';
import { useReturnFramework } from '../api/returns-api';
import { AssignForm } from '../components/assign-form';
import { AssignmentTables } from '../components/assignment-tables';
import { ReturnHeader } from '../components/return-header';
import { ReturnLoader } from '../components/return-loader';
import { returnPeople, returnTitle } from '../return-labels';

function ReturnAssignments({ detail }: { detail: ReturnDetail }) {
  useDocumentTitle(`Assignments – ${returnTitle(detail)}`);
  const framework = useReturnFramework(detail);
  const [notice, setNotice] = useState<{ message: string; count: number }>();
  const canAssign = detail.permissions.assign;
  const show = (message: string) => setNotice((current) => ({ message, count: (current?.count ?? 0) + 1 }));

  return (
    <>
      <ReturnHeader detail={detail} current="assignments" />
      {notice ? <SuccessBanner key={notice.count} heading={notice.message} /> : null}
      <h1>Assignments</h1>
      <p>
        Give each success measure, or a single domain, to the person who will answer it. They see it under
        “Your assignments” when they sign in. Anyone who can answer questions on this return can still answer
        any domain.
      </p>
      {!canAssign ? (
        <p>
          {detail.state === 'submitted'
            ? 'This return has been submitted, so its assignments can no longer be changed.'
            : `Only ${returnPeople(detail).lead} can change the assignments.`}
        </p>
      ) : null}
      {framework.isPending ? <LoadingMessage>Loading the measures and domains…</LoadingMessage> : null}
      {framework.isError ? <ApiErrorSummary error={framework.error} /> : null}
      {framework.data ? (
        <>
          {canAssign ? <AssignForm detail={detail} framework={framework.data} onAssigned={show} /> : null}
          <h2>Who answers what</h2>
          <AssignmentTables
            detail={detail}
            framework={framework.data}
            canAssign={canAssign}
            onRemoved={show}
          />
        </>
      ) : null}
    </>
  );
}

/** /returns/:id/assignments: who answers each measure and domain, and (for leads) changing it. */
export function ReturnAssignmentsPage() {
  return <ReturnLoader>{(detail) => <ReturnAssignments detail={detail} />}</ReturnLoader>;
}
