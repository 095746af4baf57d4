import type { ReturnDetail } from '@wgll/contracts';

import { apiUrl } from '../../../lib/api-client';

/** The size the pack's text and tables keep under, even for a return with a long evidence list. */
const SIZE = 'PDF, under 1 MB';

const draftPackPath = (returnId: string) => apiUrl(`/returns/${returnId}/board-pack.pdf`);
const finalPackPath = (returnId: string, revision: number) =>
  apiUrl(`/returns/${returnId}/seals/${revision}/board-pack.pdf`);

/** The draft board pack of a return not yet sealed: what the board will be asked to approve. */
export function DraftBoardPackLink({ detail }: { detail: ReturnDetail }) {
  if (detail.state === 'submitted') return null;
  return (
    <p>
      <a href={draftPackPath(detail.id)} download>
        Download the draft board pack ({SIZE})
      </a>
      <br />
      <span className="nhsuk-body-s">
        Scores, comparisons, gaps, the improvement plan, comments and evidence, for the board’s papers. Each
        page is marked “Draft – not approved”.
      </span>
    </p>
  );
}

/** The final board pack of a sealed revision: its hash and where to check it are on every page. */
export function FinalBoardPackLink({ detail, revision }: { detail: ReturnDetail; revision: number }) {
  return (
    <a href={finalPackPath(detail.id, revision)} download>
      Download the board pack for revision {revision} ({SIZE})
    </a>
  );
}

/** Overview: the draft pack while the return is being prepared, and the final pack of each sealed revision. */
export function BoardPackSection({ detail }: { detail: ReturnDetail }) {
  const seals = [...detail.seals].sort((a, b) => b.revision - a.revision);
  return (
    <section aria-labelledby="board-pack-heading">
      <h2 id="board-pack-heading">Board pack</h2>
      <p>
        A PDF for the board meeting: the scores against the ICS and England, the trend, the biggest gaps, the
        improvement plan, comments, evidence and the approval record.
      </p>
      <DraftBoardPackLink detail={detail} />
      {seals.length > 0 ? (
        <ul className="nhsuk-list">
          {seals.map((seal) => (
            <li key={seal.revision}>
              <FinalBoardPackLink detail={detail} revision={seal.revision} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
