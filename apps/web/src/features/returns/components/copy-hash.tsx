import { Button } from 'nhsuk-react-components';
import { useState } from 'react';

/** The hash in full, in a monospace block anyone can select, and a button that copies it. */
export function CopyHash({ id, hash }: { id: string; hash: string }) {
  const [copied, setCopied] = useState<'yes' | 'no'>();

  function copy() {
    navigator.clipboard.writeText(hash).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  }

  return (
    <>
      <code id={id} className="wgll-hash">
        {hash}
      </code>
      <Button
        type="button"
        secondary
        small
        className="nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0"
        onClick={copy}
      >
        Copy the hash
      </Button>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-0" role="status">
        {copied === 'yes' ? 'The hash has been copied.' : null}
        {copied === 'no' ? 'The hash could not be copied. Select it and copy it yourself.' : null}
      </p>
    </>
  );
}
