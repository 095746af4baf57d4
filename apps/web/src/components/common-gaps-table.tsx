import type { CommonGap } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';

import { formatDate } from '../lib/dates';
import { WideTable } from './table-scroll';

function dueText(gap: CommonGap): string {
  if (!gap.earliestDue || !gap.latestDue) return gap.planned > 0 ? 'No due dates' : 'Not planned';
  if (gap.earliestDue === gap.latestDue) return formatDate(gap.earliestDue);
  return `${formatDate(gap.earliestDue)} to ${formatDate(gap.latestDue)}`;
}

interface CommonGapsTableProps {
  gaps: CommonGap[];
  caption: string;
  /**
   * `plans` (the default): how many of the organisations lacking each element plan to meet it, and
   * when. `met`: how many organisations meet it, of those whose return includes the domain.
   */
  show?: 'plans' | 'met';
}

/**
 * The elements unmet in most of a group's organisations (an ICS's, or an ICS's within a region):
 * how many do not meet each, and either how many of those plan to and when, or how many meet it.
 */
export function CommonGapsTable({ gaps, caption, show = 'plans' }: CommonGapsTableProps) {
  if (gaps.length === 0) {
    return (
      <p>
        No element is unmet in most of these organisations’ sealed returns, so there are no common gaps to
        show.
      </p>
    );
  }
  return (
    <WideTable caption={caption} firstCellIsHeader>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Element</Table.Cell>
          <Table.Cell>Domain</Table.Cell>
          <Table.Cell format="numeric">Level</Table.Cell>
          {show === 'met' ? (
            <>
              <Table.Cell format="numeric">Met by</Table.Cell>
              <Table.Cell format="numeric">Not met, at their next level</Table.Cell>
            </>
          ) : (
            <>
              <Table.Cell format="numeric">Not met</Table.Cell>
              <Table.Cell format="numeric">Planned</Table.Cell>
              <Table.Cell>Due</Table.Cell>
            </>
          )}
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {gaps.map((gap) => (
          <Table.Row key={`${gap.domainId}:${gap.elementId}`}>
            <Table.Cell>{gap.elementText}</Table.Cell>
            <Table.Cell>{gap.domainTitle}</Table.Cell>
            <Table.Cell format="numeric">{gap.level}</Table.Cell>
            {show === 'met' ? (
              <>
                <Table.Cell format="numeric">
                  {gap.met} of {gap.of}
                </Table.Cell>
                <Table.Cell format="numeric">
                  {gap.unmet} of {gap.of}
                </Table.Cell>
              </>
            ) : (
              <>
                <Table.Cell format="numeric">
                  {gap.unmet} of {gap.of}
                </Table.Cell>
                <Table.Cell format="numeric">
                  {gap.planned} of {gap.unmet}
                </Table.Cell>
                <Table.Cell>{dueText(gap)}</Table.Cell>
              </>
            )}
          </Table.Row>
        ))}
      </Table.Body>
    </WideTable>
  );
}
