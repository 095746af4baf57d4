import type { PlanAction } from '@wgll/contracts';
import { Button, Table } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link } from 'react-router';

import { ActionStateTag } from '../../../components/action-state-tag';
import { ApiErrorSummary } from '../../../components/api-error-summary';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { WideTable } from '../../../components/table-scroll';
import { ApiRequestError } from '../../../lib/api-client';
import { useCurrentUser } from '../../../lib/api/session-api';
import { formatDate } from '../../../lib/dates';
import { planPath } from '../../../lib/links';
import { fundingLabels } from '../../../lib/plan-labels';
import { useMergeActions } from '../api/plan-api';
import { domainTitle, type PlanData } from '../plan-labels';

interface ActionsTableProps {
  data: PlanData;
  actions: PlanAction[];
  caption: string;
  /** Links to each action's page (false on the plan as approved). */
  links?: boolean;
  /** Checkboxes to pick actions to merge (the trust lead). */
  selectable?: boolean;
  selected?: ReadonlySet<string>;
  onSelect?: (id: string, checked: boolean) => void;
}

/** The plan's actions: title, domain, owner, due date, state and funding. */
export function ActionsTable({
  data,
  actions,
  caption,
  links = true,
  selectable = false,
  selected,
  onSelect,
}: ActionsTableProps) {
  return (
    <WideTable caption={caption}>
      <Table.Head>
        <Table.Row>
          {selectable ? (
            <Table.Cell>
              <span className="nhsuk-u-visually-hidden">Select to merge</span>
            </Table.Cell>
          ) : null}
          <Table.Cell>Action</Table.Cell>
          <Table.Cell>Domain</Table.Cell>
          <Table.Cell>Owner</Table.Cell>
          <Table.Cell>Due</Table.Cell>
          <Table.Cell>State</Table.Cell>
          <Table.Cell>Funding</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {actions.map((action) => (
          <Table.Row key={action.id}>
            {selectable ? (
              <Table.Cell>
                <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                  <div className="nhsuk-checkboxes__item">
                    <input
                      className="nhsuk-checkboxes__input"
                      id={`merge-${action.id}`}
                      type="checkbox"
                      checked={selected?.has(action.id) ?? false}
                      onChange={(event) => onSelect?.(action.id, event.target.checked)}
                    />
                    <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`merge-${action.id}`}>
                      <span className="nhsuk-u-visually-hidden">Select {action.title}</span>
                    </label>
                  </div>
                </div>
              </Table.Cell>
            ) : null}
            <Table.Cell>
              {links ? (
                <Link to={planPath(data.detail.id, 'actions', action.id)}>{action.title}</Link>
              ) : (
                action.title
              )}
              {action.carriedFrom ? (
                <span className="nhsuk-body-s wgll-plan-note">
                  {' '}
                  Carried forward from {action.carriedFrom.cycleName}
                </span>
              ) : null}
            </Table.Cell>
            <Table.Cell>{domainTitle(data.framework, action.domainId)}</Table.Cell>
            <Table.Cell>{action.owner?.displayName ?? 'No owner'}</Table.Cell>
            <Table.Cell>{action.dueDate ? formatDate(action.dueDate) : 'No date'}</Table.Cell>
            <Table.Cell>
              <ActionStateTag state={action.state} />
              {action.state === 'blocked' && action.blockedReason ? (
                <span className="nhsuk-body-s wgll-plan-note"> {action.blockedReason}</span>
              ) : null}
            </Table.Cell>
            <Table.Cell>{action.funding ? fundingLabels[action.funding] : 'Not said'}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </WideTable>
  );
}

/** The actions, with merging for the trust lead, and what each person may do with them. */
export function PlanActions({ data, onMerged }: { data: PlanData; onMerged: (message: string) => void }) {
  const { plan } = data;
  const userId = useCurrentUser()?.id;
  const merge = useMergeActions(data.detail.id);
  const [selected, setSelected] = useState<string[]>([]);
  const [problem, setProblem] = useState<string>();
  const [attempt, setAttempt] = useState(0);

  if (plan.actions.length === 0) {
    return (
      <p>
        There are no actions yet.
        {plan.permissions.edit ? ' Add them from what the gap needs, above.' : ''}
      </p>
    );
  }
  const mine = plan.actions.filter((action) => action.owner?.id === userId);

  function handleMerge() {
    setAttempt((value) => value + 1);
    const chosen = plan.actions.filter((action) => selected.includes(action.id));
    // In the order they were chosen: the first keeps its fields.
    chosen.sort((a, b) => selected.indexOf(a.id) - selected.indexOf(b.id));
    if (chosen.length < 2) {
      setProblem('Select 2 or more actions to merge');
      return;
    }
    setProblem(undefined);
    merge.mutate(
      { actions: chosen.map((action) => ({ id: action.id, baseVersion: action.version })) },
      {
        onSuccess: () => {
          setSelected([]);
          onMerged(`${chosen.length} actions merged into “${chosen[0]?.title ?? ''}”`);
        },
      },
    );
  }

  return (
    <>
      {plan.permissions.updateOwn && !plan.permissions.edit ? (
        <p>
          {mine.length === 0
            ? 'You do not own any of these actions. The trust lead gives each action an owner.'
            : `You own ${mine.length === 1 ? '1 action' : `${mine.length} actions`}: open one to update its state, description or evidence.`}
        </p>
      ) : null}
      {problem ? (
        <FormErrorSummary
          key={attempt}
          errors={[{ id: `merge-${plan.actions[0]?.id ?? ''}`, message: problem }]}
        />
      ) : null}
      {merge.error instanceof ApiRequestError && merge.error.status === 409 ? (
        <FormErrorSummary
          key={`merge-${attempt}`}
          title="The actions have not been merged"
          errors={[
            {
              id: undefined,
              message:
                'Someone changed one of them since the plan was shown. The plan now shows the saved versions: check them, then merge again.',
            },
          ]}
        />
      ) : merge.isError ? (
        <ApiErrorSummary key={`merge-${attempt}`} error={merge.error} />
      ) : null}
      <ActionsTable
        data={data}
        actions={plan.actions}
        caption="Actions of the plan"
        selectable={plan.permissions.edit}
        selected={new Set(selected)}
        onSelect={(id, checked) =>
          setSelected((current) => (checked ? [...current, id] : current.filter((item) => item !== id)))
        }
      />
      {plan.permissions.edit && plan.actions.length > 1 ? (
        <>
          <p className="nhsuk-body-s">
            To merge actions, select them and merge: the first one you selected keeps its title and details
            and takes on the others’ elements; the others are removed.
          </p>
          <Button type="button" secondary disabled={merge.isPending} onClick={handleMerge}>
            Merge selected actions
          </Button>
        </>
      ) : null}
    </>
  );
}
