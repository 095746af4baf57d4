import { useState } from 'react';
import { Link, useLocation } from 'react-router';

import { SuccessBanner } from '../../../components/success-banner';
import { useDocumentTitle } from '../../../components/use-document-title';
import { returnPath } from '../../../lib/links';
import { PlanActions } from '../components/actions-table';
import { ApprovePlanForm, PlanApprovalsTable } from '../components/plan-approvals';
import { PlanHeading } from '../components/plan-heading';
import { PlanLoader } from '../components/plan-loader';
import { ProjectionTable } from '../components/projection-table';
import { Proposals } from '../components/proposals';
import { TargetsForm, TargetsSummary } from '../components/targets-form';
import { planCaption, type PlanData } from '../plan-labels';

function whoDoesWhat(data: PlanData): string {
  const { permissions } = data.plan;
  if (permissions.edit) {
    return 'Set a target level for the domains you will improve, add actions from what each gap needs, give each an owner and a due date, and follow them until they are done.';
  }
  if (permissions.updateOwn) {
    return 'The trust lead sets the targets and the actions. You can update the actions you own: their state, description and evidence.';
  }
  return 'You can read the plan. The trust lead sets the targets and the actions, and their owners update them.';
}

function Plan({ data }: { data: PlanData }) {
  const { detail, plan } = data;
  useDocumentTitle(`Improvement plan – ${planCaption(detail)}`);
  // The action page sends people here after removing an action.
  const state: unknown = useLocation().state;
  const removed =
    typeof state === 'object' && state !== null && 'removed' in state ? String(state.removed) : undefined;
  const [notice, setNotice] = useState<{ message: string; count: number } | undefined>(() =>
    removed ? { message: `Action removed: ${removed}`, count: 0 } : undefined,
  );
  const show = (message: string) => setNotice((current) => ({ message, count: (current?.count ?? 0) + 1 }));

  return (
    <>
      {notice ? <SuccessBanner key={notice.count} heading={notice.message} /> : null}
      <PlanHeading
        detail={detail}
        back={{ to: returnPath(detail.id), label: 'The return' }}
        title="Improvement plan"
      />
      <p>
        The plan says which level each domain should reach, and by when, and the actions that close the gap
        between today’s levels and the targets. It stays open to change after the return is sealed: what the
        board approved is kept as it was approved.
      </p>
      <p>{whoDoesWhat(data)}</p>

      <section aria-labelledby="targets-heading" className="wgll-plan-section">
        <h2 id="targets-heading">Targets</h2>
        {plan.permissions.edit ? (
          <TargetsForm data={data} onSaved={() => show('The targets have been saved')} />
        ) : (
          <TargetsSummary data={data} />
        )}
      </section>

      {plan.permissions.edit ? (
        <section aria-labelledby="gap-heading" className="wgll-plan-section">
          <h2 id="gap-heading">What the gap needs</h2>
          <Proposals data={data} onAdded={show} />
        </section>
      ) : null}

      <section aria-labelledby="actions-heading" className="wgll-plan-section">
        <h2 id="actions-heading">Actions</h2>
        <PlanActions data={data} onMerged={show} />
      </section>

      <section aria-labelledby="projection-heading" className="wgll-plan-section">
        <h2 id="projection-heading">Projected maturity</h2>
        <ProjectionTable scores={plan.scores} measures={detail.measures} targetDate={plan.targetDate} />
      </section>

      <section aria-labelledby="plan-approval-heading" className="wgll-plan-section">
        <h2 id="plan-approval-heading">Board approval</h2>
        <p>
          The board approves the plan with the return, as it stands when the return is approved
          {detail.state === 'submitted' ? ', or on its own once the return is sealed' : ''}.{' '}
          {detail.state === 'submitted' ? null : (
            <Link to={returnPath(detail.id, 'approval')}>Go to the return’s approval</Link>
          )}
        </p>
        <PlanApprovalsTable returnId={detail.id} approvals={plan.approvals} />
        {plan.permissions.approve ? (
          <ApprovePlanForm
            returnId={detail.id}
            onApproved={() => show('The board’s approval of the plan has been recorded')}
          />
        ) : null}
      </section>
    </>
  );
}

/** /returns/:id/plan: the return's improvement plan. */
export function PlanPage() {
  return <PlanLoader>{(data) => <Plan data={data} />}</PlanLoader>;
}
