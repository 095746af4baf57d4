import { Table } from 'nhsuk-react-components';

import { measureIds, measureNames } from '../results-labels';

interface MeasuresHeadProps {
  /** The headings before the seven measures, e.g. "Organisation", "Care setting". */
  leading: string[];
  /** Add an "Overall" column after them. */
  overall?: boolean;
}

/** The head of a table with a column per measure, in the official order. */
export function MeasuresHead({ leading, overall = false }: MeasuresHeadProps) {
  return (
    <Table.Head>
      <Table.Row>
        {leading.map((heading) => (
          <Table.Cell key={heading}>{heading}</Table.Cell>
        ))}
        {measureIds.map((measure) => (
          <Table.Cell key={measure} format="numeric">
            {measureNames[measure]}
          </Table.Cell>
        ))}
        {overall ? <Table.Cell format="numeric">Overall</Table.Cell> : null}
      </Table.Row>
    </Table.Head>
  );
}
