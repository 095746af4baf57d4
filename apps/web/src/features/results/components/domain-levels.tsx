import type { DomainLevelResult } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';

import { WideTable } from '../../../components/table-scroll';
import { measureNames } from '../results-labels';
import { TableDownloads } from './table-downloads';

function nextLevelText(domain: DomainLevelResult): string {
  if (domain.level === null) return 'Not applicable';
  if (domain.level >= 5) return 'Level 5 is the highest level';
  return domain.nextLevelNeeds.length > 0 ? domain.nextLevelNeeds.join('; ') : '–';
}

interface DomainLevelsProps {
  domains: DomainLevelResult[];
  name: string;
  filePrefix: string;
  cycleName: string;
}

/** The organisation's own sealed return: each domain's level and what the next level needs. */
export function DomainLevels({ domains, name, filePrefix, cycleName }: DomainLevelsProps) {
  const caption = `${name}: level of each domain in the submitted return, and what the next level needs`;
  return (
    <>
      <WideTable caption={caption} firstCellIsHeader>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Domain</Table.Cell>
            <Table.Cell>Measure</Table.Cell>
            <Table.Cell format="numeric">Level</Table.Cell>
            <Table.Cell>What the next level needs</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {domains.map((domain) => (
            <Table.Row key={domain.domainId}>
              <Table.Cell>{domain.title}</Table.Cell>
              <Table.Cell>{measureNames[domain.measure]}</Table.Cell>
              <Table.Cell format="numeric">{domain.level ?? 'Not applicable'}</Table.Cell>
              <Table.Cell>
                {domain.level !== null && domain.level < 5 && domain.nextLevelNeeds.length > 0 ? (
                  <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-bottom-0">
                    {domain.nextLevelNeeds.map((need) => (
                      <li key={need}>{need}</li>
                    ))}
                  </ul>
                ) : (
                  nextLevelText(domain)
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </WideTable>
      <p className="wgll-figure-basis">
        Source: the organisation’s own return, approved by its board and sealed.
      </p>
      <TableDownloads
        tableName="domain levels"
        fileName={`${filePrefix}-domains`}
        header={['Domain', 'Measure', 'Level', 'What the next level needs']}
        rows={domains.map((domain) => [
          domain.title,
          measureNames[domain.measure],
          domain.level ?? 'Not applicable',
          nextLevelText(domain),
        ])}
        about={{
          title: caption,
          figures:
            'Each domain’s level in the organisation’s own return, and the elements of the next level not yet met',
          cycle: cycleName,
          source: 'The organisation’s own return on this platform, approved by its board and sealed.',
        }}
      />
    </>
  );
}
