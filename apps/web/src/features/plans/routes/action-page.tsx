import type { PersonRef, PlanAction } from '@wgll/contracts';
import { SummaryList } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';

import { ActionStateTag } from '../../../components/action-state-tag';
import { NotFound } from '../../../components/not-found';
import { SuccessBanner } from '../../../components/success-banner';
import { useDocumentTitle } from '../../../components/use-document-title';
import { useCurrentUser } from '../../../lib/api/session-api';
import { formatDate } from '../../../lib/dates';
import { planPath } from '../../../lib/links';
import { fundingLabels } from '../../../lib/plan-labels';
import { useAssignees, useRemoveAction } from '../api/plan-api';
import { ActionForm } from '../components/action-form';
import { RemoveAction } from '../components/remove-action';
import { PlanHeading } from '../components/plan-heading';
import { PlanLoader } from '../components/plan-loader';
import { domainTitle, planCaption, type PlanData } from '../plan-labels';

/** The elements the action meets once done, as the framework words them. */
function ElementsMet({ data, action }: { data: PlanData; action: PlanAction }) {
  const domain = data.framework.domains.find((item) => item.id === action.domainId);
  const elements = action.elementIds.map((id) => {
    for (const level of domain?.levels ?? []) {
      const element = level.elements.find((item) => item.id === id);
      if (element) return { id, text: `Level ${level.level}: ${element.text}` };
    }
    return { id, text: id };
  });
  if (elements.length === 0) return <p>It is not linked to any element of the framework.</p>;
  return (
    <ul>
      {elements.map((element) => (
        <li key={element.id}>{element.text}</li>
      ))}
    </ul>
  );
}

/** The action as text, for people who may read it but not change it. */
function ActionSummary({ data, action }: { data: PlanData; action: PlanAction }) {
  const evidence = action.evidenceIds.map(
    (id) => data.detail.evidence.find((item) => item.id === id)?.title ?? 'Evidence no longer in the return',
  );
  return (
    <SummaryList>
      <SummaryList.Row>
        <SummaryList.Key>Description</SummaryList.Key>
        <SummaryList.Value className="wgll-plan-text">{action.description || 'None'}</SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Owner</SummaryList.Key>
        <SummaryList.Value>{action.owner?.displayName ?? 'No owner yet'}</SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Due date</SummaryList.Key>
        <SummaryList.Value>{action.dueDate ? formatDate(action.dueDate) : 'No date yet'}</SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>State</SummaryList.Key>
        <SummaryList.Value>
          <ActionStateTag state={action.state} />
          {action.blockedReason ? <p className="wgll-plan-text">{action.blockedReason}</p> : null}
        </SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Funding</SummaryList.Key>
        <SummaryList.Value>{action.funding ? fundingLabels[action.funding] : 'Not said'}</SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Expected benefit</SummaryList.Key>
        <SummaryList.Value className="wgll-plan-text">{action.expectedBenefit || 'None'}</SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Evidence</SummaryList.Key>
        <SummaryList.Value>{evidence.length > 0 ? evidence.join(', ') : 'None yet'}</SummaryList.Value>
      </SummaryList.Row>
    </SummaryList>
  );
}

function ActionView({ data, action }: { data: PlanData; action: PlanAction }) {
  const { detail, plan } = data;
  useDocumentTitle(`${action.title} – Improvement plan – ${planCaption(detail)}`);
  const userId = useCurrentUser()?.id;
  const navigate = useNavigate();
  const full = plan.permissions.edit;
  const own = plan.permissions.updateOwn && action.owner?.id === userId;
  const assignees = useAssignees(detail.id, full);
  const remove = useRemoveAction(detail.id, action.id);
  const [saved, setSaved] = useState(0);

  const people: PersonRef[] = (assignees.data?.items ?? []).map(({ id, displayName }) => ({
    id,
    displayName,
  }));
  if (action.owner && !people.some((person) => person.id === action.owner?.id)) people.unshift(action.owner);

  return (
    <>
      {saved > 0 ? (
        <SuccessBanner key={saved} heading="The action has been saved">
          <p>
            <Link to={planPath(detail.id)}>Back to the plan</Link>
          </p>
        </SuccessBanner>
      ) : null}
      <PlanHeading
        detail={detail}
        back={{ to: planPath(detail.id), label: 'The plan' }}
        title={action.title}
      />
      <p>
        An action of the improvement plan for {domainTitle(data.framework, action.domainId)}.
        {action.carriedFrom ? ` Carried forward from the plan of ${action.carriedFrom.cycleName}.` : ''} Once
        done, it meets:
      </p>
      <ElementsMet data={data} action={action} />
      {full || own ? (
        <ActionForm
          key={action.version}
          returnId={detail.id}
          action={action}
          full={full}
          people={people}
          evidence={detail.evidence}
          onSaved={() => setSaved((value) => value + 1)}
        />
      ) : (
        <ActionSummary data={data} action={action} />
      )}
      {full ? (
        <section aria-labelledby="remove-heading" className="nhsuk-u-margin-top-7">
          <h2 id="remove-heading" className="nhsuk-heading-m">
            Remove the action
          </h2>
          <RemoveAction
            title={action.title}
            pending={remove.isPending}
            error={remove.error}
            onConfirm={() =>
              remove.mutate(action.version, {
                onSuccess: () => void navigate(planPath(detail.id), { state: { removed: action.title } }),
              })
            }
          />
        </section>
      ) : null}
    </>
  );
}

function ActionNotFound({ returnId }: { returnId: string }) {
  return (
    <NotFound heading="Action not found">
      <p>The plan has no action at this address: it may have been removed or merged into another.</p>
      <p>
        <Link to={planPath(returnId)}>Go to the plan</Link>
      </p>
    </NotFound>
  );
}

/** /returns/:id/plan/actions/:actionId: one action, to update (lead or owner) or to read. */
export function ActionPage() {
  const actionId = useParams()['actionId'] ?? '';
  return (
    <PlanLoader>
      {(data) => {
        const action = data.plan.actions.find((item) => item.id === actionId);
        return action ? (
          <ActionView data={data} action={action} />
        ) : (
          <ActionNotFound returnId={data.detail.id} />
        );
      }}
    </PlanLoader>
  );
}
