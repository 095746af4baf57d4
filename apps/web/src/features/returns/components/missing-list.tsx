import type { MissingItem, ReturnDetail } from '@wgll/contracts';
import { Link } from 'react-router';

import { questionnairePath, returnPath } from '../../../lib/links';

const reasons: Record<MissingItem['reason'], string> = {
  unanswered: 'not answered',
  'to-confirm': 'carried-forward answer to confirm',
  'no-approval': 'no board approval yet',
};

function linkOf(detail: ReturnDetail, item: MissingItem): string {
  if (item.kind === 'approval') return returnPath(detail.id, 'approval');
  return questionnairePath(detail.id, item.measure ?? 'well-led', item.domainId ?? undefined);
}

/** What stops the next step, each linked to where it can be put right. */
export function MissingList({ detail }: { detail: ReturnDetail }) {
  return (
    <section aria-labelledby="missing-heading">
      <h2 id="missing-heading">What is missing</h2>
      {detail.missing.length === 0 ? (
        <p>Nothing is missing.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {detail.missing.map((item) => (
            <li key={`${item.kind}:${item.domainId ?? ''}:${item.reason}`}>
              <Link to={linkOf(detail, item)}>{item.title}</Link>: {reasons[item.reason]}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
