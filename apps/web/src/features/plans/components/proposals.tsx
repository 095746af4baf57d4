import type { CreateActionRequest, ProposedAction } from '@wgll/contracts';
import { Button } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { pluralise } from '../../../lib/format';
import { peersPath } from '../../../lib/links';
import { useCreateAction } from '../api/plan-api';
import { domainTitle, type PlanData } from '../plan-labels';

function fromProposal(proposal: ProposedAction): CreateActionRequest {
  return {
    domainId: proposal.domainId,
    elementIds: [proposal.elementId],
    title: proposal.title,
    description: proposal.description,
    ownerId: null,
    dueDate: null,
    state: 'not-started',
    blockedReason: null,
    funding: null,
    expectedBenefit: proposal.evidenceHint,
    evidenceIds: [],
  };
}

/**
 * "What the gap needs": one proposed action per unmet element of the levels between today's and the
 * target, grouped by domain. The trust lead adds them one at a time or a domain's all at once.
 */
export function Proposals({ data, onAdded }: { data: PlanData; onAdded: (message: string) => void }) {
  const create = useCreateAction(data.detail.id);
  const [busy, setBusy] = useState(false);
  const { proposals } = data.plan;
  const domains = [...new Set(proposals.map((proposal) => proposal.domainId))];

  async function add(items: ProposedAction[]) {
    setBusy(true);
    try {
      for (const item of items) await create.mutateAsync(fromProposal(item));
      onAdded(
        items.length === 1
          ? `Action added: ${items[0]?.title ?? ''}`
          : `${pluralise(items.length, 'action')} added`,
      );
    } catch {
      // The error summary says what went wrong.
    } finally {
      setBusy(false);
    }
  }

  if (data.plan.targets.length === 0) {
    return <p>Set a target level for a domain and save it: what the gap needs is then listed here.</p>;
  }
  if (proposals.length === 0) {
    return <p>Every element the targets need is covered by an action.</p>;
  }
  return (
    <>
      {create.isError ? <ApiErrorSummary error={create.error} /> : null}
      <p>
        Each element not met yet, of the levels between a domain’s level today and its target, is proposed as
        an action. Add the ones you will work on: you can edit them once added.
      </p>
      {domains.map((domainId) => {
        const items = proposals.filter((proposal) => proposal.domainId === domainId);
        const title = domainTitle(data.framework, domainId);
        return (
          <section key={domainId} aria-labelledby={`gap-${domainId}`} className="wgll-plan-gap">
            <h3 id={`gap-${domainId}`} className="nhsuk-heading-s">
              {title}
            </h3>
            <ul className="nhsuk-list wgll-plan-proposals">
              {items.map((item) => (
                <li key={item.elementId} className="wgll-plan-proposal">
                  <p className="nhsuk-u-margin-bottom-2">
                    <span className="nhsuk-body-s">Level {item.level}: </span>
                    {item.title}
                  </p>
                  <Button type="button" secondary small disabled={busy} onClick={() => void add([item])}>
                    Add as action<span className="nhsuk-u-visually-hidden">: {item.title}</span>
                  </Button>
                </li>
              ))}
            </ul>
            {items.length > 1 ? (
              <Button type="button" secondary disabled={busy} onClick={() => void add(items)}>
                Add all for this domain<span className="nhsuk-u-visually-hidden">: {title}</span>
              </Button>
            ) : null}
            {data.detail.owner.type === 'organisation' ? (
              <p className="nhsuk-body-s">
                <Link to={peersPath(data.detail.id, domainId)}>
                  Who meets what we lack<span className="nhsuk-u-visually-hidden"> in {title}</span>
                </Link>
              </p>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
