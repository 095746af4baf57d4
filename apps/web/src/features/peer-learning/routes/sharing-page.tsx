import type { PeerSharing } from '@wgll/contracts';
import { useState } from 'react';
import { Link, useParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { Forbidden } from '../../../components/forbidden';
import { LoadingMessage } from '../../../components/loading-message';
import { NotFound } from '../../../components/not-found';
import { SuccessBanner } from '../../../components/success-banner';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { formatDayOf } from '../../../lib/dates';
import { readableName } from '../../../lib/format';
import { organisationPath } from '../../../lib/links';
import { usePeerSharing } from '../api/peer-learning-api';
import { SharingForm } from '../components/sharing-form';

const TITLE = 'Sharing for peer learning';

function WhoSeesWhat() {
  return (
    <>
      <h2 className="nhsuk-heading-m">What is shown to whom</h2>
      <ul className="nhsuk-list nhsuk-list--bullet">
        <li>
          Other organisations’ people see, for each element they have not met, which organisations meet it.
          Only <strong>submitted and sealed</strong> returns are used: never a draft.
        </li>
        <li>
          <strong>If you choose to be named</strong>, they see your organisation’s name, the contact below,
          your note on how you did it for that domain, and the titles of the evidence you mark shareable
          (never the files or links).
        </li>
        <li>
          <strong>If you do not</strong> (the default), you are only counted, for example “4 organisations
          with an acute return elsewhere in your region meet it”. A count of 1 or 2 is shown as “fewer than
          3”, and no count can be worked out from two others, so nobody can tell it is you.
        </li>
        <li>Only your trust lead can change this. Every change is recorded in the audit log.</li>
      </ul>
    </>
  );
}

function Summary({ sharing }: { sharing: PeerSharing }) {
  return (
    <dl className="nhsuk-summary-list">
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Named for peer learning</dt>
        <dd className="nhsuk-summary-list__value">{sharing.named ? 'Yes' : 'No, only counted'}</dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Contact</dt>
        <dd className="nhsuk-summary-list__value">
          {sharing.contact
            ? `${sharing.contact.name}, ${sharing.contact.role} (${sharing.contact.email})`
            : 'None'}
        </dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Evidence titles shared</dt>
        <dd className="nhsuk-summary-list__value">{sharing.shareableEvidenceIds.length}</dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Notes written</dt>
        <dd className="nhsuk-summary-list__value">{sharing.notes.length}</dd>
      </div>
    </dl>
  );
}

function Sharing({ sharing }: { sharing: PeerSharing }) {
  const name = readableName(sharing.organisation.name);
  useDocumentTitle(`${TITLE} – ${name}`);
  const [saved, setSaved] = useState(0);
  return (
    <>
      {saved > 0 ? <SuccessBanner key={saved} heading="The sharing setting has been saved" /> : null}
      <span className="nhsuk-caption-l">{name}</span>
      <h1>{TITLE}</h1>
      <p>
        Organisations learn from each other: for any domain below level 5, a trust sees which organisations
        meet the elements it has not. You choose whether your organisation is named to them.
      </p>
      <WhoSeesWhat />
      {sharing.updatedBy && sharing.updatedAt ? (
        <p className="nhsuk-body-s">
          Last changed by {sharing.updatedBy.displayName} on {formatDayOf(sharing.updatedAt)}.
        </p>
      ) : null}
      {sharing.permissions.edit ? (
        <SharingForm key={sharing.version} sharing={sharing} onSaved={() => setSaved((n) => n + 1)} />
      ) : (
        <>
          <Summary sharing={sharing} />
          <p>Only your trust lead can change this setting.</p>
        </>
      )}
      <p>
        <Link to={organisationPath(sharing.organisation.odsCode)}>Back to {name}</Link>
      </p>
    </>
  );
}

/** /organisations/:code/sharing: the organisation's sharing setting for peer learning. */
export function SharingPage() {
  const code = (useParams()['code'] ?? '').toUpperCase();
  const sharing = usePeerSharing(code);
  useDocumentTitle(TITLE);
  if (sharing.data) return <Sharing sharing={sharing.data} />;
  const error = sharing.error;
  if (error instanceof ApiRequestError && error.isNotFound) {
    return <NotFound heading="Organisation not found" />;
  }
  if (error instanceof ApiRequestError && error.isForbidden) return <Forbidden />;
  return (
    <>
      <h1>{TITLE}</h1>
      {error ? (
        <ApiErrorSummary error={error} />
      ) : (
        <LoadingMessage>Loading the sharing setting…</LoadingMessage>
      )}
    </>
  );
}
