import type { InvitationLink } from '@wgll/contracts';
import { Button, TextInput, WarningCallout } from 'nhsuk-react-components';
import { useRef, useState } from 'react';

import { formatDateTime } from '../../../lib/dates';

interface InvitationLinkDetailsProps {
  link: InvitationLink;
  /** Who to send it to. */
  email: string;
}

/**
 * An invitation link, shown once: in a read-only input to copy (with a button that copies it),
 * with when it expires. The service does not email it; the administrator sends it.
 */
export function InvitationLinkDetails({ link, email }: InvitationLinkDetailsProps) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'copied' | 'failed'>();
  const url = new URL(link.url, window.location.origin).href;

  function copy() {
    input.current?.select();
    navigator.clipboard.writeText(url).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  }

  return (
    <>
      <p>
        Copy the link and send it to {email}. The service does not send it for you. When they open it, they
        choose a password and are signed in.
      </p>
      <TextInput
        ref={input}
        id="invitation-link"
        name="invitation-link"
        label="Invitation link"
        labelProps={{ size: 's' }}
        readOnly
        spellCheck={false}
        value={url}
        onFocus={(event) => event.target.select()}
      />
      <Button type="button" secondary onClick={copy}>
        Copy link
      </Button>
      <p role="status">
        {copied === 'copied' ? 'The link has been copied.' : null}
        {copied === 'failed' ? 'The link could not be copied. Select it and copy it yourself.' : null}
      </p>
      <WarningCallout>
        <WarningCallout.Heading>This link works once</WarningCallout.Heading>
        <p>
          It expires on {formatDateTime(link.expiresAt)}. You will not see it again after you leave this page.
          If it is lost or expires, create a new link from the user&apos;s page.
        </p>
      </WarningCallout>
    </>
  );
}
