import type { Evidence, EvidenceRules } from '@wgll/contracts';
import { Button, ErrorMessage, TextInput } from 'nhsuk-react-components';
import { useRef, useState, type FormEvent } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { ApiRequestError } from '../../../lib/api-client';
import { useUploadEvidence } from '../api/answers-api';
import { checkFile, formatBytes, listExtensions } from './evidence-format';

interface UploadEvidenceProps {
  returnId: string;
  idPrefix: string;
  rules: EvidenceRules | undefined;
  onAdded: (evidence: Evidence) => void;
}

/** The server's refusal of a file, in plain words (413 too large, 415 not an allowed type). */
function refusal(error: unknown, rules: EvidenceRules | undefined): string | undefined {
  if (!(error instanceof ApiRequestError)) return undefined;
  if (error.status === 413 || error.code === 'EVIDENCE_TOO_LARGE') {
    return rules
      ? `The file is too large. It must be smaller than ${formatBytes(rules.maxFileBytes)}.`
      : 'The file is too large.';
  }
  if (error.status === 415 || error.code === 'EVIDENCE_TYPE_NOT_ALLOWED') {
    return rules
      ? `This type of file cannot be uploaded. It must be a ${listExtensions(rules)} file.`
      : 'This type of file cannot be uploaded.';
  }
  // For example, the return has been submitted meanwhile.
  if (error.status === 409) return error.message;
  if (error.isValidationError)
    return error.fieldErrors.flatMap((item) => item.messages).join('. ') || error.message;
  return undefined;
}

/** Uploads a file to the return's evidence: its name, size and SHA-256 are shown once stored. */
export function UploadEvidence({ returnId, idPrefix, rules, onAdded }: UploadEvidenceProps) {
  const upload = useUploadEvidence(returnId);
  const [title, setTitle] = useState('');
  const [fileError, setFileError] = useState<string | undefined>();
  const fileRef = useRef<HTMLInputElement>(null);
  const ids = { title: `${idPrefix}-file-title`, file: `${idPrefix}-file` };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (upload.isPending) return;
    const file = fileRef.current?.files?.[0];
    const problem = checkFile(file, rules);
    setFileError(problem);
    if (problem || !file) {
      fileRef.current?.focus();
      return;
    }
    upload.mutate(
      { title: title.trim(), file },
      {
        onSuccess: (evidence) => {
          setTitle('');
          if (fileRef.current) fileRef.current.value = '';
          onAdded(evidence);
        },
        onError: (error) => {
          setFileError(refusal(error, rules));
          fileRef.current?.focus();
        },
      },
    );
  }

  const hint = rules
    ? `A ${listExtensions(rules)} file, smaller than ${formatBytes(rules.maxFileBytes)}.`
    : 'Checking which files can be uploaded…';
  const serviceError = upload.isError && refusal(upload.error, rules) === undefined;
  return (
    <form className="wgll-evidence-form" noValidate onSubmit={handleSubmit}>
      <h4 className="nhsuk-heading-xs">Upload a file</h4>
      {serviceError ? <ApiErrorSummary error={upload.error} /> : null}
      <TextInput
        id={ids.title}
        label="File title (optional)"
        hint="If you leave this empty, the file name is used."
        maxLength={300}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <div className={fileError ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
        <label className="nhsuk-label" htmlFor={ids.file}>
          File
        </label>
        <div className="nhsuk-hint" id={`${ids.file}-hint`}>
          {hint}
        </div>
        <ErrorMessage id={`${ids.file}-error`}>{fileError}</ErrorMessage>
        <input
          ref={fileRef}
          className={
            fileError
              ? 'nhsuk-file-upload__input nhsuk-file-upload__input--error'
              : 'nhsuk-file-upload__input'
          }
          id={ids.file}
          type="file"
          accept={rules?.extensions.map((extension) => `.${extension}`).join(',')}
          aria-describedby={fileError ? `${ids.file}-hint ${ids.file}-error` : `${ids.file}-hint`}
          onChange={() => setFileError(undefined)}
        />
      </div>
      <Button type="submit" secondary>
        {upload.isPending ? 'Uploading…' : 'Upload file'}
      </Button>
    </form>
  );
}
