import type { ApprovedPlan } from '@wgll/contracts';
import { InsetText } from 'nhsuk-react-components';
import { useParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { NotFound } from '../../../components/not-found';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { planPath } from '../../../lib/links';
import { useApprovedPlan } from '../api/plan-api';
import { ActionsTable } from '../components/actions-table';
import { PlanHeading } from '../components/plan-heading';
import { PlanLoader } from '../components/plan-loader';
import { ProjectionTable } from '../components/projection-table';
import { TargetsSummary } from '../components/targets-form';
import { planCaption, type PlanData } from '../plan-labels';

function Approved({ data, approved }: { data: PlanData; approved: ApprovedPlan }) {
  const { detail } = data;
  const { approval } = approved;
  useDocumentTitle(`Plan as approved on ${formatDate(approval.meetingDate)} – ${planCaption(detail)}`);
  // The approved snapshot in place of the living plan, for the shared tables.
  const snapshot: PlanData = { ...data, plan: { ...data.plan, ...approved.plan } };
  return (
    <>
      <PlanHeading
        detail={detail}
        back={{ to: planPath(detail.id), label: 'The plan as it is now' }}
        title="Plan as approved"
      />
      <InsetText>
        <p>
          Approved by the board at its meeting on {formatDate(approval.meetingDate)} (minute{' '}
          {approval.minuteReference}), recorded by {approval.approver.displayName} on{' '}
          {formatDateTime(approval.approvedAt)}
          {approval.returnApprovalId ? ', with the return' : ''}. This is the plan as it stood then: it does
          not change.
        </p>
      </InsetText>
      <h2>Targets</h2>
      <TargetsSummary data={snapshot} />
      <h2>Actions</h2>
      {approved.plan.actions.length === 0 ? (
        <p>The plan had no actions when it was approved.</p>
      ) : (
        <ActionsTable
          data={snapshot}
          actions={approved.plan.actions}
          caption="Actions as approved"
          links={false}
        />
      )}
      <h2>Projected maturity</h2>
      <ProjectionTable
        scores={approved.plan.scores}
        measures={detail.measures}
        targetDate={approved.plan.targetDate}
      />
    </>
  );
}

function ApprovedLoader({ data }: { data: PlanData }) {
  const approvalId = useParams()['approvalId'] ?? '';
  const query = useApprovedPlan(data.detail.id, approvalId);
  if (query.data) return <Approved data={data} approved={query.data} />;
  if (query.error instanceof ApiRequestError && query.error.isNotFound) {
    return (
      <NotFound heading="Approval not found">
        <p>The board has no approval of this plan at this address.</p>
      </NotFound>
    );
  }
  return <ApprovedProblem error={query.isError ? query.error : undefined} />;
}

function ApprovedProblem({ error }: { error: unknown }) {
  useDocumentTitle('Plan as approved');
  return (
    <>
      <h1>Plan as approved</h1>
      {error ? (
        <ApiErrorSummary error={error} />
      ) : (
        <LoadingMessage>Loading the approved plan…</LoadingMessage>
      )}
    </>
  );
}

/** /returns/:id/plan/approvals/:approvalId: the plan as the board approved it, read only. */
export function ApprovedPlanPage() {
  return <PlanLoader>{(data) => <ApprovedLoader data={data} />}</PlanLoader>;
}
