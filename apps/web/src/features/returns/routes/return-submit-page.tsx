import type { ReturnDetail } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';

import { SuccessBanner } from '../../../components/success-banner';
import { WideTable } from '../../../components/table-scroll';
import { useDocumentTitle } from '../../../components/use-document-title';
import { formatDate } from '../../../lib/dates';
import { readableName, sentenceCase } from '../../../lib/format';
import { returnPath, sealPath } from '../../../lib/links';
import { ReturnHeader } from '../components/return-header';
import { ReturnLoader } from '../components/return-loader';
import { SubmitForm } from '../components/submit-form';
import { formatScore, measureScoreText } from '../return-format';
import { returnPeople, returnScopeLabel, returnTitle } from '../return-labels';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** What the seal will hold: whose return, which cycle and framework, the measures' levels, the approvals. */
function WhatWillBeSealed({ detail }: { detail: ReturnDetail }) {
  const approvals = detail.approvals.filter((a) => a.revision === detail.revision && !a.withdrawnAt);
  return (
    <>
      <h2>What will be sealed</h2>
      <dl className="nhsuk-summary-list">
        <Row label={detail.owner.type === 'ics' ? 'Integrated care board' : 'Organisation'}>
          {readableName(detail.owner.name)} ({detail.owner.code})
        </Row>
        <Row label="Cycle">{detail.cycle.name}</Row>
        <Row label="Return">
          {returnScopeLabel(detail)} return, revision {detail.revision}
        </Row>
        <Row label="Framework">
          {detail.framework.frameworkId}, version {detail.framework.version}
        </Row>
        <Row label="Approved by">
          {approvals.length === 0 ? (
            'No approval of this revision is recorded'
          ) : (
            <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
              {approvals.map((a) => (
                <li key={a.id}>
                  {a.approver.displayName}, board meeting on {formatDate(a.meetingDate)} ({a.minuteReference})
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row label="Overall score">{formatScore(detail.overall)}</Row>
      </dl>
      <WideTable caption="Measure scores to be sealed" firstCellIsHeader>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Success measure</Table.Cell>
            <Table.Cell format="numeric">Score</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {detail.measures.map((m) => (
            <Table.Row key={m.measure}>
              <Table.Cell>{m.name}</Table.Cell>
              <Table.Cell format="numeric">
                {measureScoreText(detail.scores.measures.find((score) => score.measure === m.measure))}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </WideTable>
    </>
  );
}

function ReturnSubmit({ detail }: { detail: ReturnDetail }) {
  useDocumentTitle(`Submit – ${returnTitle(detail)}`);
  const [submitted, setSubmitted] = useState(false);
  const people = returnPeople(detail);
  const seal = detail.seals.find((item) => item.revision === detail.revision);

  if (detail.state === 'submitted') {
    return (
      <>
        <ReturnHeader detail={detail} current="approval" />
        {submitted ? <SuccessBanner heading="The return has been submitted and sealed" /> : null}
        <h1>Submit the return</h1>
        <p>This revision of the return has been submitted and sealed. It cannot be changed.</p>
        {seal ? (
          <p>
            <Link to={sealPath(detail.id, seal.revision)}>View the sealed return and check its seal</Link>
          </p>
        ) : null}
      </>
    );
  }
  return (
    <>
      <ReturnHeader detail={detail} current="approval" />
      <h1>Check the return before you submit it</h1>
      {!detail.permissions.submit ? (
        <>
          <p>Only {people.lead} can submit this return.</p>
          <p>
            <Link to={returnPath(detail.id, 'approval')}>Back to the board approval</Link>
          </p>
        </>
      ) : (
        <>
          {detail.state !== 'approved' ? (
            <p>
              {sentenceCase(people.board)} has not approved this revision yet: it can be submitted once the
              approval is recorded.
            </p>
          ) : null}
          <WhatWillBeSealed detail={detail} />
          <SubmitForm detail={detail} onSubmitted={() => setSubmitted(true)} />
        </>
      )}
    </>
  );
}

/** /returns/:id/submit: what will be sealed, and the confirmation that submits and seals it. */
export function ReturnSubmitPage() {
  return <ReturnLoader>{(detail) => <ReturnSubmit detail={detail} />}</ReturnLoader>;
}
