import type { Assignment, ReturnDetail } from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import { Button, Table } from 'nhsuk-react-components';

import { dueWording, formatDate } from '../../../lib/dates';
import { useUnassign } from '../api/assignments-api';

interface AssignmentTablesProps {
  detail: ReturnDetail;
  framework: FrameworkVersion;
  /** Whether the user may remove assignments. */
  canAssign: boolean;
  onRemoved: (message: string) => void;
}

function Assignee({ assignment, fallback }: { assignment: Assignment | undefined; fallback: string }) {
  if (!assignment) return <>{fallback}</>;
  return (
    <>
      {assignment.assignee.displayName}
      <br />
      <span className="nhsuk-body-s">{assignment.assignee.email}</span>
      {assignment.dueDate ? (
        <>
          <br />
          <span className="nhsuk-u-font-size-16">
            Due by {formatDate(assignment.dueDate)} ({dueWording(assignment.dueDate)})
          </span>
        </>
      ) : null}
    </>
  );
}

/** For each success measure, who answers it and each of its domains. */
export function AssignmentTables({ detail, framework, canAssign, onRemoved }: AssignmentTablesProps) {
  const unassign = useUnassign(detail.id);

  function remove(assignment: Assignment, what: string) {
    unassign.mutate(assignment.id, {
      onSuccess: () => onRemoved(`Removed ${assignment.assignee.displayName} from ${what}`),
    });
  }

  function action(assignment: Assignment | undefined, what: string) {
    if (!canAssign || !assignment) return null;
    return (
      <Button
        type="button"
        secondary
        small
        className="nhsuk-u-margin-bottom-0"
        disabled={unassign.isPending}
        onClick={() => remove(assignment, what)}
      >
        Remove
        <span className="nhsuk-u-visually-hidden">{` ${assignment.assignee.displayName} from ${what}`}</span>
      </Button>
    );
  }

  return (
    <>
      {framework.measures.map((measure) => {
        const measureAssignment = detail.assignments.find((item) => item.measure === measure.id);
        const domains = framework.domains.filter((domain) => domain.measure === measure.id);
        return (
          <Table key={measure.id} responsive caption={measure.name} captionProps={{ size: 'm' }}>
            <Table.Head>
              <Table.Row>
                <Table.Cell className="nhsuk-u-width-one-half">Part of the measure</Table.Cell>
                <Table.Cell className="nhsuk-u-width-one-third">Assigned to</Table.Cell>
                {canAssign ? (
                  <Table.Cell>
                    <span className="nhsuk-u-visually-hidden">Action</span>
                  </Table.Cell>
                ) : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              <Table.Row>
                <Table.Cell>
                  <strong>Whole measure</strong>
                </Table.Cell>
                <Table.Cell>
                  <Assignee assignment={measureAssignment} fallback="Not assigned" />
                </Table.Cell>
                {canAssign ? <Table.Cell>{action(measureAssignment, measure.name)}</Table.Cell> : null}
              </Table.Row>
              {domains.map((domain) => {
                const domainAssignment = detail.assignments.find((item) => item.domainId === domain.id);
                return (
                  <Table.Row key={domain.id}>
                    <Table.Cell>{domain.title}</Table.Cell>
                    <Table.Cell>
                      <Assignee
                        assignment={domainAssignment}
                        fallback={measureAssignment ? 'As the whole measure' : 'Not assigned'}
                      />
                    </Table.Cell>
                    {canAssign ? <Table.Cell>{action(domainAssignment, domain.title)}</Table.Cell> : null}
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        );
      })}
    </>
  );
}
