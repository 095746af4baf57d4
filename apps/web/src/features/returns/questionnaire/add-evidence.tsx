import type { Evidence } from '@wgll/contracts';
import { useState } from 'react';

import { useEvidenceRules } from '../api/answers-api';
import { AddEvidenceLink } from './add-evidence-link';
import { domainIds } from './field-ids';
import { UploadEvidence } from './upload-evidence';

interface AddEvidenceProps {
  returnId: string;
  domainId: string;
  /** Cites the new evidence in this domain's answer. */
  onAdded: (evidence: Evidence) => void;
}

/** Adding a link or a file to the return's evidence, from a domain (where it is then cited). */
export function AddEvidence({ returnId, domainId, onAdded }: AddEvidenceProps) {
  const rules = useEvidenceRules();
  const [added, setAdded] = useState<Evidence | undefined>();
  const idPrefix = domainIds(domainId).evidence;

  function handleAdded(evidence: Evidence) {
    setAdded(evidence);
    onAdded(evidence);
  }

  return (
    <>
      <div role="status" className="nhsuk-body-s">
        {added ? (
          <p className="wgll-evidence-added">
            Added “{added.title}” to the return&apos;s evidence and cited it for this domain.
          </p>
        ) : null}
      </div>
      <details className="nhsuk-details wgll-add-evidence">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Add evidence to the return</span>
        </summary>
        <div className="nhsuk-details__text">
          <p className="nhsuk-body-s">
            Evidence belongs to the whole return: once added, it can be cited from any domain.
          </p>
          <AddEvidenceLink returnId={returnId} idPrefix={idPrefix} onAdded={handleAdded} />
          <UploadEvidence returnId={returnId} idPrefix={idPrefix} rules={rules.data} onAdded={handleAdded} />
        </div>
      </details>
    </>
  );
}
