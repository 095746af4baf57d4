import type { ReturnDetail, SealSummary } from '@wgll/contracts';
import { BackLink, SummaryList } from 'nhsuk-react-components';
import { Link, useNavigate, useParams } from 'react-router';

import { NotFound } from '../../../components/not-found';
import { useDocumentTitle } from '../../../components/use-document-title';
import { apiUrl } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/dates';
import { returnPath, sealPath } from '../../../lib/links';
import { FinalBoardPackLink } from '../components/board-pack-links';
import { CopyHash } from '../components/copy-hash';
import { ReopenForm } from '../components/reopen-form';
import { ReturnHeader } from '../components/return-header';
import { ReturnLoader } from '../components/return-loader';
import { SealCheck } from '../components/seal-check';
import { SealList } from '../components/seal-list';
import { SealedContent } from '../components/sealed-content';
import { SnapshotScores } from '../components/snapshot-scores';
import { returnPeople, returnTitle } from '../return-labels';

function Seal({ detail, revision }: { detail: ReturnDetail; revision: number }) {
  const seal = detail.seals.find((item) => item.revision === revision);
  if (!seal) {
    return (
      <NotFound heading="Sealed return not found">
        <p>
          Revision {revision} of this return has not been sealed. A return is sealed when it is submitted.
        </p>
        <p>
          <Link to={returnPath(detail.id)}>Go to the return</Link>
        </p>
      </NotFound>
    );
  }
  return <SealView detail={detail} seal={seal} />;
}

function SealView({ detail, seal }: { detail: ReturnDetail; seal: SealSummary }) {
  const { revision } = seal;
  useDocumentTitle(`Sealed return, revision ${revision} – ${returnTitle(detail)}`);
  const navigate = useNavigate();
  // Only the latest seal can be reopened: the return's current revision.
  const canReopen = detail.permissions.reopen && detail.revision === revision;
  const people = returnPeople(detail);

  return (
    <>
      <BackLink asElement={Link} to={returnPath(detail.id)}>
        Return overview
      </BackLink>
      <ReturnHeader detail={detail} />
      <h1>Sealed return, revision {revision}</h1>
      <p>
        This is the return as it was submitted. It is read-only: the copy below is what {people.board}{' '}
        approved and {people.owner} submitted.
      </p>
      <SummaryList>
        <SummaryList.Row>
          <SummaryList.Key>Revision</SummaryList.Key>
          <SummaryList.Value>{seal.revision}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Sealed</SummaryList.Key>
          <SummaryList.Value>{formatDateTime(seal.sealedAt)}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Submitted by</SummaryList.Key>
          <SummaryList.Value>{seal.sealedBy.displayName}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>SHA-256 hash</SummaryList.Key>
          <SummaryList.Value>
            <CopyHash id="seal-hash" hash={seal.sha256} />
          </SummaryList.Value>
        </SummaryList.Row>
      </SummaryList>
      <h2>Download the sealed return</h2>
      <ul className="nhsuk-list">
        <li>
          <a href={apiUrl(returnPath(detail.id, 'seals', revision, 'export.xlsx'))} download>
            Download the sealed return for reading (Excel, XLSX)
          </a>
          <p className="nhsuk-body-s">
            Every domain with the text of the elements met, its level, comment, confidence and evidence.
          </p>
        </li>
        <li>
          <a
            href={apiUrl(sealPath(detail.id, revision))}
            download={`return-${detail.id}-revision-${revision}.json`}
          >
            Download the sealed return for verification (canonical JSON)
          </a>
          <p className="nhsuk-body-s">
            The exact copy the hash was computed from, so its SHA-256 hash matches the one shown above. It
            names domains and elements by their ids.
          </p>
        </li>
        <li>
          <FinalBoardPackLink detail={detail} revision={revision} />
          <p className="nhsuk-body-s">The board pack of this revision, its hash at the foot of every page.</p>
        </li>
      </ul>
      <SealCheck returnId={detail.id} revision={revision} />
      <SnapshotScores detail={detail} revision={revision} />
      <SealedContent returnId={detail.id} revision={revision} />
      {canReopen ? (
        <ReopenForm
          detail={detail}
          onReopened={() => void navigate(returnPath(detail.id), { state: { reopened: true } })}
        />
      ) : null}
      <SealList detail={detail} />
    </>
  );
}

/** /returns/:id/seals/:revision: a sealed return, its hash, checking it, and (for administrators) reopening. */
export function SealPage() {
  const revision = Number.parseInt(useParams()['revision'] ?? '', 10);
  return <ReturnLoader>{(detail) => <Seal detail={detail} revision={revision} />}</ReturnLoader>;
}
