import { InsetText } from 'nhsuk-react-components';
import { useNavigate } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { useDocumentTitle } from '../../../components/use-document-title';
import { importPath } from '../../../lib/links';
import { useImports } from '../api/imports-api';
import { ImportsTable } from '../components/imports-table';
import { UploadImportForm } from '../components/upload-import-form';

/** /admin/imports: NHS England's published data files imported so far, and importing another. */
export function ImportsPage() {
  useDocumentTitle('Published results');
  const imports = useImports();
  const navigate = useNavigate();

  return (
    <>
      <h1>Published results</h1>
      <p>
        NHS England publishes each year’s Digital Maturity Assessment results as a data file. Importing it
        makes the published scores the results of that cycle: a cycle with published results uses those only.
      </p>
      {imports.isPending ? <LoadingMessage>Loading the imports…</LoadingMessage> : null}
      {imports.isError ? <ApiErrorSummary error={imports.error} /> : null}
      {imports.data ? (
        imports.data.items.length === 0 ? (
          <InsetText>
            <p>No data file has been imported yet.</p>
          </InsetText>
        ) : (
          <ImportsTable imports={imports.data.items} />
        )
      ) : null}
      <UploadImportForm
        onImported={(detail) =>
          void navigate(importPath(detail.id), {
            state: { imported: detail.unchanged ? 'unchanged' : 'new' },
          })
        }
      />
    </>
  );
}
