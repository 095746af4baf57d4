import type { Evidence } from '@wgll/contracts';
import { Button } from 'nhsuk-react-components';
import { useRef, useState, type FormEvent } from 'react';

import { ApiRequestError } from '../../../lib/api-client';
import { useAddEvidenceLink } from '../api/answers-api';
import { FieldError, ServiceProblem } from './evidence-fields';

interface AddEvidenceLinkProps {
  returnId: string;
  idPrefix: string;
  onAdded: (evidence: Evidence) => void;
}

function looksLikeWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Adds a link (for example to board papers on the intranet) to the return's evidence. */
export function AddEvidenceLink({ returnId, idPrefix, onAdded }: AddEvidenceLinkProps) {
  const add = useAddEvidenceLink(returnId);
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [errors, setErrors] = useState<{ title?: string; url?: string }>({});
  const titleRef = useRef<HTMLInputElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const ids = { title: `${idPrefix}-link-title`, url: `${idPrefix}-link-url` };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const found: { title?: string; url?: string } = {};
    if (!title.trim()) found.title = 'Enter a title for the link';
    if (!url.trim()) found.url = 'Enter the web address';
    else if (!looksLikeWebAddress(url.trim()))
      found.url = 'Enter a web address starting with https:// or http://';
    setErrors(found);
    if (found.title) return titleRef.current?.focus();
    if (found.url) return urlRef.current?.focus();
    add.mutate(
      { title: title.trim(), url: url.trim() },
      {
        onSuccess: (evidence) => {
          setTitle('');
          setUrl('');
          onAdded(evidence);
        },
        onError: (error) => {
          if (!(error instanceof ApiRequestError) || !error.isValidationError) return;
          const fieldMessage = (field: string) =>
            error.fieldErrors.find((item) => item.field === field)?.messages.join('. ');
          setErrors({ title: fieldMessage('title'), url: fieldMessage('url') ?? error.message });
          urlRef.current?.focus();
        },
      },
    );
  }

  const serviceError = add.isError && !(add.error instanceof ApiRequestError && add.error.isValidationError);
  return (
    <form className="wgll-evidence-form" noValidate onSubmit={handleSubmit}>
      <h4 className="nhsuk-heading-xs">Add a link</h4>
      {serviceError ? <ServiceProblem error={add.error} /> : null}
      <div className={errors.title ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
        <label className="nhsuk-label" htmlFor={ids.title}>
          Link title
        </label>
        <FieldError id={`${ids.title}-error`} message={errors.title} />
        <input
          ref={titleRef}
          className={errors.title ? 'nhsuk-input nhsuk-input--error' : 'nhsuk-input'}
          id={ids.title}
          type="text"
          maxLength={300}
          value={title}
          aria-describedby={errors.title ? `${ids.title}-error` : undefined}
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <div className={errors.url ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
        <label className="nhsuk-label" htmlFor={ids.url}>
          Web address
        </label>
        <div className="nhsuk-hint" id={`${ids.url}-hint`}>
          The full address, starting with https:// or http://
        </div>
        <FieldError id={`${ids.url}-error`} message={errors.url} />
        <input
          ref={urlRef}
          className={errors.url ? 'nhsuk-input nhsuk-input--error' : 'nhsuk-input'}
          id={ids.url}
          type="url"
          spellCheck={false}
          autoComplete="off"
          maxLength={2000}
          value={url}
          aria-describedby={errors.url ? `${ids.url}-hint ${ids.url}-error` : `${ids.url}-hint`}
          onChange={(event) => setUrl(event.target.value)}
        />
      </div>
      <Button type="submit" secondary>
        {add.isPending ? 'Adding the link…' : 'Add link'}
      </Button>
    </form>
  );
}
