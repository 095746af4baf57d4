import { BackLink } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { NotFound } from '../../../components/not-found';
import { RetireAction } from '../../../components/retire-action';
import { SuccessBanner } from '../../../components/success-banner';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/dates';
import { useRetireTarget, useTarget } from '../api/targets-api';
import { TargetForm } from '../components/target-form';

/** /admin/targets/:id: change a national target, or retire it (national administrators). */
export function TargetAdminPage() {
  const id = useParams()['id'] ?? '';
  const target = useTarget(id);
  const retire = useRetireTarget(id);
  const [notice, setNotice] = useState<{ message: string; count: number }>();
  const notFound =
    target.error instanceof ApiRequestError && (target.error.isNotFound || target.error.isValidationError);
  useDocumentTitle(
    notFound
      ? 'Target not found'
      : target.data
        ? `${target.data.name} – National targets`
        : 'National target',
  );
  if (notFound) {
    return (
      <NotFound heading="Target not found">
        <p>
          There is no such national target. <Link to="/admin/targets">See the national targets</Link>.
        </p>
      </NotFound>
    );
  }
  const show = (message: string) => setNotice((current) => ({ message, count: (current?.count ?? 0) + 1 }));
  return (
    <>
      <BackLink asElement={Link} to="/admin/targets">
        National targets
      </BackLink>
      {notice ? <SuccessBanner key={notice.count} heading={notice.message} /> : null}
      {target.data ? (
        <>
          <h1>
            <span className="nhsuk-caption-l">National target</span>
            {target.data.name}
          </h1>
          {target.data.retiredAt ? (
            <p>
              Retired on {formatDate(target.data.retiredAt.slice(0, 10))}. It no longer shows on the results
              pages and cannot change.
            </p>
          ) : (
            <>
              <h2>Change the target</h2>
              <TargetForm
                key={target.data.version}
                target={target.data}
                onSaved={(saved) => show(`Saved the target ${saved.name}`)}
              />
              <h2>Retire the target</h2>
              <RetireAction
                what={`the target ${target.data.name}`}
                label="Retire this target"
                consequences="It leaves the region and national results pages and can no longer change. Its history stays in the audit log."
                pending={retire.isPending}
                error={retire.error}
                onConfirm={() =>
                  retire.mutate(undefined, { onSuccess: (t) => show(`Retired the target ${t.name}`) })
                }
              />
            </>
          )}
        </>
      ) : target.isError ? (
        <ApiErrorSummary error={target.error} />
      ) : (
        <LoadingMessage>Loading the target…</LoadingMessage>
      )}
    </>
  );
}
