import type { DomainChange, LineageRelation, VersionChanges } from '@wgll/framework';
import { BackLink, Details, Table } from 'nhsuk-react-components';
import { Link, useParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { NotFound } from '../../../components/not-found';
import { WideTable } from '../../../components/table-scroll';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { careSettingLabels, pluralise } from '../../../lib/format';
import { useVersionChanges } from '../api/frameworks-api';

/** Each kind of change: its heading and what it means for figures over the years. */
const relations: Array<{ relation: LineageRelation; heading: string; meaning: string }> = [
  {
    relation: 'changed',
    heading: 'Changed',
    meaning:
      'What a level needs has changed, so a level reached in the earlier version may not mean the same now. Trends show a break here.',
  },
  {
    relation: 'split',
    heading: 'Split from an earlier domain',
    meaning:
      'Part of an earlier domain now has a domain of its own. Trends show a break and where it came from.',
  },
  {
    relation: 'merged',
    heading: 'Merged from earlier domains',
    meaning: 'Two or more earlier domains are now one. Trends show a break and what it came from.',
  },
  {
    relation: 'new',
    heading: 'New',
    meaning: 'Domains the earlier version did not have. Their trends start with this version.',
  },
  {
    relation: 'reworded',
    heading: 'Reworded',
    meaning:
      'The wording is clearer but a level means the same as before, so trends join up across the versions.',
  },
];

function readerLink(changes: VersionChanges, version: string, domainId: string) {
  return `/frameworks/${encodeURIComponent(changes.frameworkId)}/versions/${encodeURIComponent(version)}#domain-${domainId}`;
}

function ChangeTable({
  changes,
  relation,
  heading,
}: {
  changes: VersionChanges;
  relation: LineageRelation;
  heading: string;
}) {
  const rows = changes.domains.filter((d) => d.relation === relation);
  const measureName = (id: DomainChange['measure']) => changes.measures.find((m) => m.id === id)?.name ?? id;
  const showsFrom = relation !== 'new';
  return (
    <WideTable caption={`${heading}: ${pluralise(rows.length, 'domain')}`} firstCellIsHeader>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Domain in {changes.current.version}</Table.Cell>
          <Table.Cell>Success measure</Table.Cell>
          {showsFrom ? <Table.Cell>In {changes.previous.version}</Table.Cell> : null}
          <Table.Cell>What changed</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map((d) => (
          <Table.Row key={d.domainId}>
            <Table.Cell>
              <Link to={readerLink(changes, changes.current.version, d.domainId)}>{d.title}</Link>
            </Table.Cell>
            <Table.Cell>{measureName(d.measure)}</Table.Cell>
            {showsFrom ? (
              <Table.Cell>
                {d.from.map((f, i) => (
                  <span key={f.lineageId}>
                    {i > 0 ? ', ' : null}
                    <Link to={readerLink(changes, changes.previous.version, f.domainId)}>{f.title}</Link>
                  </span>
                ))}
              </Table.Cell>
            ) : null}
            <Table.Cell>{d.note ?? 'A new domain.'}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </WideTable>
  );
}

function ReturnSizes({ changes }: { changes: VersionChanges }) {
  return (
    <WideTable caption="The size of a return" firstCellIsHeader>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Return</Table.Cell>
          <Table.Cell format="numeric">Domains in {changes.previous.version}</Table.Cell>
          <Table.Cell format="numeric">Domains in {changes.current.version}</Table.Cell>
          <Table.Cell format="numeric">Elements in {changes.previous.version}</Table.Cell>
          <Table.Cell format="numeric">Elements in {changes.current.version}</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {changes.returnSizes.map((s) => (
          <Table.Row key={s.careSetting ?? 'system'}>
            <Table.Cell>
              {s.careSetting ? careSettingLabels[s.careSetting] : 'Integrated care board'}
            </Table.Cell>
            <Table.Cell format="numeric">{s.before.domains}</Table.Cell>
            <Table.Cell format="numeric">{s.after.domains}</Table.Cell>
            <Table.Cell format="numeric">{s.before.elements}</Table.Cell>
            <Table.Cell format="numeric">{s.after.elements}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </WideTable>
  );
}

function Changes({ changes }: { changes: VersionChanges }) {
  const count = (relation: LineageRelation) => changes.domains.filter((d) => d.relation === relation).length;
  const unchanged = changes.domains.filter((d) => d.relation === 'same');
  return (
    <>
      <ul>
        {relations.map(({ relation, heading }) => (
          <li key={relation}>
            {heading}: {pluralise(count(relation), 'domain')}
          </li>
        ))}
        <li>Unchanged: {pluralise(unchanged.length, 'domain')}</li>
        <li>Retired: {pluralise(changes.retired.length, 'domain')}</li>
      </ul>
      <ReturnSizes changes={changes} />
      {relations.map(({ relation, heading, meaning }) =>
        count(relation) === 0 ? null : (
          <section key={relation} aria-labelledby={`changes-${relation}`}>
            <h2 id={`changes-${relation}`}>{heading}</h2>
            <p>{meaning}</p>
            <ChangeTable changes={changes} relation={relation} heading={heading} />
          </section>
        ),
      )}
      <section aria-labelledby="changes-retired">
        <h2 id="changes-retired">Retired</h2>
        {changes.retired.length === 0 ? (
          <p>No domain of {changes.previous.version} was retired.</p>
        ) : (
          <>
            <p>
              Domains of {changes.previous.version} that {changes.current.version} no longer asks. Their
              trends end here.
            </p>
            <WideTable caption={`Retired: ${pluralise(changes.retired.length, 'domain')}`} firstCellIsHeader>
              <Table.Head>
                <Table.Row>
                  <Table.Cell>Domain in {changes.previous.version}</Table.Cell>
                  <Table.Cell>Why it was retired</Table.Cell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {changes.retired.map((r) => (
                  <Table.Row key={r.lineageId}>
                    <Table.Cell>
                      <Link to={readerLink(changes, changes.previous.version, r.domainId)}>{r.title}</Link>
                    </Table.Cell>
                    <Table.Cell>{r.reason}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </WideTable>
          </>
        )}
      </section>
      {unchanged.length > 0 ? (
        <section aria-labelledby="changes-same">
          <h2 id="changes-same">Unchanged</h2>
          <Details>
            <Details.Summary>The {pluralise(unchanged.length, 'domain')} asked as before</Details.Summary>
            <Details.Text>
              <ul>
                {unchanged.map((d) => (
                  <li key={d.domainId}>
                    <Link to={readerLink(changes, changes.current.version, d.domainId)}>{d.title}</Link>
                  </li>
                ))}
              </ul>
            </Details.Text>
          </Details>
        </section>
      ) : null}
    </>
  );
}

/** /frameworks/:frameworkId/versions/:version/changes: what changed since the version it follows. */
export function FrameworkChangesPage() {
  const params = useParams();
  const frameworkId = params['frameworkId'] ?? '';
  const version = params['version'] ?? '';
  const query = useVersionChanges(frameworkId, version);
  const changes = query.data;
  const notFound = query.error instanceof ApiRequestError && query.error.isNotFound;
  useDocumentTitle(
    notFound
      ? 'No earlier version to compare'
      : changes
        ? `What changed since ${changes.previous.version}`
        : 'What changed',
  );
  const back = (
    <BackLink
      asElement={Link}
      to={`/frameworks/${encodeURIComponent(frameworkId)}/versions/${encodeURIComponent(version)}`}
    >
      Back to version {version}
    </BackLink>
  );
  if (notFound) {
    return (
      <>
        {back}
        <NotFound heading="No earlier version to compare">
          <p>{query.error?.message}</p>
        </NotFound>
      </>
    );
  }
  return (
    <>
      {back}
      {changes ? (
        <>
          <h1>
            <span className="nhsuk-caption-l">
              {changes.current.title}, version {changes.current.version}
            </span>
            What changed since {changes.previous.version}
          </h1>
          <p className="nhsuk-lede-text">
            How each domain of version {changes.current.version} relates to version {changes.previous.version}
            . Figures are compared across the two versions only where a domain is unchanged or reworded;
            anywhere else a trend shows a break, with the reason.
          </p>
          <Changes changes={changes} />
        </>
      ) : (
        <>
          <h1>What changed</h1>
          {query.isPending ? <LoadingMessage>Loading the changes…</LoadingMessage> : null}
          {query.isError ? <ApiErrorSummary error={query.error} /> : null}
        </>
      )}
    </>
  );
}
