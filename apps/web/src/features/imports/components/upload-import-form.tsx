import type { ImportDetail } from '@wgll/contracts';
import { Button, ErrorMessage, Select } from 'nhsuk-react-components';
import { useRef, useState, type FormEvent } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { sortCycles, useCycles } from '../../../lib/api/cycles-api';
import { apiFieldErrors, errorFor, isFormProblem, type FormError } from '../../../lib/form-errors';
import { useUploadImport } from '../api/imports-api';

const fieldIds = { cycleId: 'cycleId', file: 'file' };

interface UploadImportFormProps {
  onImported: (detail: ImportDetail) => void;
}

/** Uploads NHS England's DMA data file into a cycle. */
export function UploadImportForm({ onImported }: UploadImportFormProps) {
  const cycles = useCycles();
  const upload = useUploadImport();
  const fileRef = useRef<HTMLInputElement>(null);
  const [cycleId, setCycleId] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (upload.isPending) return;
    const file = fileRef.current?.files?.[0];
    const found: FormError[] = [];
    if (!cycleId) found.push({ id: fieldIds.cycleId, message: 'Choose the cycle the results belong to' });
    if (!file) found.push({ id: fieldIds.file, message: 'Choose the data file to import' });
    else if (!file.name.toLowerCase().endsWith('.xlsx'))
      found.push({ id: fieldIds.file, message: 'The data file must be an Excel workbook (.xlsx)' });
    setErrors(found);
    setAttempt((count) => count + 1);
    if (found.length > 0 || !file) return;
    upload.mutate(
      { cycleId, file },
      {
        onSuccess: onImported,
        onError: (error) => {
          if (isFormProblem(error, ['IMPORT_FILE_INVALID'])) setErrors(apiFieldErrors(error, fieldIds));
          setAttempt((count) => count + 1);
        },
      },
    );
  }

  const fileError = errorFor(errors, fieldIds.file);
  const serviceError = upload.isError && !isFormProblem(upload.error, ['IMPORT_FILE_INVALID']);
  return (
    <form noValidate onSubmit={handleSubmit} aria-labelledby="upload-heading">
      <h2 id="upload-heading">Import a data file</h2>
      <p>
        Upload NHS England’s Digital Maturity Assessment data file (.xlsx). Its names are matched to
        organisations and ICBs; any that need a look are listed for you to confirm before the results are
        used.
      </p>
      <FormErrorSummary key={attempt} errors={errors} />
      {serviceError ? <ApiErrorSummary error={upload.error} /> : null}
      {cycles.isPending ? <LoadingMessage>Loading the cycles…</LoadingMessage> : null}
      <Select
        id={fieldIds.cycleId}
        name="cycleId"
        label="Cycle"
        hint="The assessment cycle the published results are for."
        value={cycleId}
        error={errorFor(errors, fieldIds.cycleId)}
        onChange={(event) => setCycleId(event.target.value)}
      >
        <option value="">Choose a cycle</option>
        {sortCycles(cycles.data?.items ?? []).map((cycle) => (
          <option key={cycle.id} value={cycle.id}>
            {cycle.name}
          </option>
        ))}
      </Select>
      <div className={fileError ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
        <label className="nhsuk-label" htmlFor={fieldIds.file}>
          Data file
        </label>
        <div className="nhsuk-hint" id={`${fieldIds.file}-hint`}>
          An Excel workbook (.xlsx), as NHS England publishes it.
        </div>
        <ErrorMessage id={`${fieldIds.file}-error`}>{fileError}</ErrorMessage>
        <input
          ref={fileRef}
          className={
            fileError
              ? 'nhsuk-file-upload__input nhsuk-file-upload__input--error'
              : 'nhsuk-file-upload__input'
          }
          id={fieldIds.file}
          name="file"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={
            fileError ? `${fieldIds.file}-hint ${fieldIds.file}-error` : `${fieldIds.file}-hint`
          }
        />
      </div>
      <Button type="submit">{upload.isPending ? 'Importing…' : 'Import file'}</Button>
    </form>
  );
}
