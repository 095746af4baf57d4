import type { ReturnDetail } from '@wgll/contracts';
import { BackLink, InsetText } from 'nhsuk-react-components';
import { Link, useLocation } from 'react-router';

import { SuccessBanner } from '../../../components/success-banner';
import { useDocumentTitle } from '../../../components/use-document-title';
import { formatDateTime } from '../../../lib/dates';
import { apiUrl } from '../../../lib/api-client';
import { ownerReturnsPath, returnPath, sealPath } from '../../../lib/links';
import { BoardPackSection } from '../components/board-pack-links';
import { MeasureProgressTable } from '../components/measure-progress-table';
import { ReturnHeader } from '../components/return-header';
import { ReturnLoader } from '../components/return-loader';
import { SealList } from '../components/seal-list';
import { SentBackNotice } from '../components/sent-back-notice';
import { CarriedForwardNotice, WhatNext } from '../components/what-next';
import { formatScore } from '../return-format';
import { returnTitle } from '../return-labels';

function SealedNotice({ detail }: { detail: ReturnDetail }) {
  const seal = detail.seals.find((item) => item.revision === detail.revision);
  if (detail.state !== 'submitted' || !seal) return null;
  return (
    <InsetText>
      <p>
        Submitted and sealed on {formatDateTime(seal.sealedAt)} by {seal.sealedBy.displayName}.{' '}
        <Link to={sealPath(detail.id, seal.revision)}>View the sealed return and check its seal</Link>
      </p>
    </InsetText>
  );
}

function ReturnOverview({ detail }: { detail: ReturnDetail }) {
  const title = returnTitle(detail);
  useDocumentTitle(title);
  // The seal page sends administrators here after reopening the return.
  const state: unknown = useLocation().state;
  const reopened = typeof state === 'object' && state !== null && 'reopened' in state;
  return (
    <>
      <BackLink asElement={Link} to={ownerReturnsPath(detail)}>
        All returns
      </BackLink>
      <ReturnHeader detail={detail} current="overview" />
      {reopened && detail.state === 'draft' ? (
        <SuccessBanner heading={`The return has been reopened as revision ${detail.revision}`}>
          <p>It is a draft again. The earlier seals are kept and can still be checked.</p>
        </SuccessBanner>
      ) : null}
      <h1>{title}</h1>
      <SealedNotice detail={detail} />
      <SentBackNotice detail={detail} />
      <CarriedForwardNotice detail={detail} />
      <WhatNext detail={detail} />
      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">Progress and scores</h2>
        <p>
          A measure’s score is the average of its domains’ levels, shown once every domain in the measure is
          answered. Domains marked not applicable are left out.
        </p>
        <MeasureProgressTable detail={detail} />
        <p className="nhsuk-body-l">
          Overall score: <strong>{formatScore(detail.overall)}</strong>
          {detail.overall === null ? (
            <span className="nhsuk-body-s"> (shown when every measure has a score)</span>
          ) : null}
        </p>
        <p>
          <a href={apiUrl(returnPath(detail.id, 'export.xlsx'))} download>
            Download the return as a spreadsheet (Excel, XLSX)
          </a>
          : every domain with the elements met in words, its level, comment, confidence and evidence, as the
          answers are now.
        </p>
      </section>
      <BoardPackSection detail={detail} />
      <SealList detail={detail} />
    </>
  );
}

/** /returns/:id: where the return is, what happens next, and its progress by measure. */
export function ReturnOverviewPage() {
  return <ReturnLoader>{(detail) => <ReturnOverview detail={detail} />}</ReturnLoader>;
}
