import type { Evidence } from '@wgll/contracts';
import { Button, TextInput } from 'nhsuk-react-components';
import { useRef, useState, type FormEvent } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { apiFieldErrors, errorFor, isFormProblem, type FormError } from '../../../lib/form-errors';
import { useAddEvidenceLink } from '../api/answers-api';
import { safeHref } from './evidence-format';

interface AddEvidenceLinkProps {
  returnId: string;
  idPrefix: string;
  onAdded: (evidence: Evidence) => void;
}

/** Adds a link (for example to board papers on the intranet) to the return's evidence. */
export function AddEvidenceLink({ returnId, idPrefix, onAdded }: AddEvidenceLinkProps) {
  const add = useAddEvidenceLink(returnId);
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [checkErrors, setCheckErrors] = useState<FormError[]>([]);
  const titleRef = useRef<HTMLInputElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const ids = { title: `${idPrefix}-link-title`, url: `${idPrefix}-link-url` };
  const errors = checkErrors.length > 0 ? checkErrors : apiFieldErrors(add.error, ids, { conflicts: true });

  function focusFirst(found: FormError[]) {
    if (errorFor(found, ids.title)) titleRef.current?.focus();
    else if (errorFor(found, ids.url)) urlRef.current?.focus();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const found: FormError[] = [];
    if (!title.trim()) found.push({ id: ids.title, message: 'Enter a title for the link' });
    if (!url.trim()) found.push({ id: ids.url, message: 'Enter the web address' });
    else if (!safeHref(url.trim()))
      found.push({ id: ids.url, message: 'Enter a web address starting with https:// or http://' });
    setCheckErrors(found);
    if (found.length > 0) return focusFirst(found);
    add.mutate(
      { title: title.trim(), url: url.trim() },
      {
        onSuccess: (evidence) => {
          setTitle('');
          setUrl('');
          onAdded(evidence);
        },
        onError: (error) => focusFirst(apiFieldErrors(error, ids, { conflicts: true })),
      },
    );
  }

  return (
    <form className="wgll-evidence-form" noValidate onSubmit={handleSubmit}>
      <h4 className="nhsuk-heading-xs">Add a link</h4>
      {add.isError && !isFormProblem(add.error, [], { conflicts: true }) ? (
        <ApiErrorSummary error={add.error} />
      ) : null}
      {/* A refusal about the link as a whole (for example, the return has been submitted). */}
      <FormErrorSummary errors={errors.filter((error) => error.id === undefined)} />
      <TextInput
        ref={titleRef}
        id={ids.title}
        label="Link title"
        maxLength={300}
        value={title}
        error={errorFor(errors, ids.title)}
        onChange={(event) => setTitle(event.target.value)}
      />
      <TextInput
        ref={urlRef}
        id={ids.url}
        type="url"
        label="Web address"
        hint="The full address, starting with https:// or http://"
        spellCheck={false}
        autoComplete="off"
        maxLength={2000}
        value={url}
        error={errorFor(errors, ids.url)}
        onChange={(event) => setUrl(event.target.value)}
      />
      <Button type="submit" secondary>
        {add.isPending ? 'Adding the link…' : 'Add link'}
      </Button>
    </form>
  );
}
