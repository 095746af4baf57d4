import type { DomainAnswer, Evidence } from '@wgll/contracts';
import type { FrameworkDomain } from '@wgll/framework';
import { Button } from 'nhsuk-react-components';
import { useEffect, useRef } from 'react';

import { formatDayOf, formatTime } from '../../../lib/dates';
import { draftFromAnswer, type AnswerDraft } from './answer-draft';
import { AnswerSummary } from './answer-summary';
import { domainIds } from './field-ids';

/**
 * `Saved by Sam Jones at 2:05pm` (and the day, when not today); `You saved this in another window at
 * 2:02pm` when it was the same person.
 */
function savedByText(answer: DomainAnswer, byYou: boolean): string {
  const who = answer.updatedBy?.displayName ?? 'someone else';
  const at = new Date(answer.updatedAt);
  if (Number.isNaN(at.getTime())) return byYou ? 'You saved this in another window' : `Saved by ${who}`;
  const day = formatDayOf(answer.updatedAt);
  const today = formatDayOf(new Date().toISOString());
  const when = `${formatTime(at)}${day === today ? '' : ` on ${day}`}`;
  return byYou ? `You saved this in another window at ${when}` : `Saved by ${who} at ${when}`;
}

interface ConflictPanelProps {
  domain: FrameworkDomain;
  mine: AnswerDraft;
  current: DomainAnswer | null;
  /** The saved version is the same person's, from another window or tab. */
  byYou?: boolean;
  evidence: readonly Evidence[];
  onKeepMine: () => void;
  onUseSaved: () => void;
}

/**
 * Someone else (or the same person, in another window) saved this domain first. Nothing is overwritten: both versions are shown side by side
 * and the person chooses. Focus moves here when it appears.
 */
export function ConflictPanel({
  domain,
  mine,
  current,
  byYou = false,
  evidence,
  onKeepMine,
  onUseSaved,
}: ConflictPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const ids = domainIds(domain.id);
  const saved = draftFromAnswer(current);
  const savedHeading = current ? savedByText(current, byYou) : 'Saved version: there is no answer now';
  return (
    <div className="wgll-conflict" id={ids.conflict} role="group" aria-labelledby={`${ids.conflict}-heading`}>
      <h3
        id={`${ids.conflict}-heading`}
        className="nhsuk-heading-m wgll-focus-target"
        ref={heading}
        tabIndex={-1}
      >
        {byYou ? 'You saved this answer in another window first' : 'Someone else saved this answer first'}
      </h3>
      <p>
        Your changes to {domain.title} have not been saved, and nothing has been overwritten. Compare the two
        versions and choose which to keep.
      </p>
      <div className="wgll-conflict__versions">
        <section className="wgll-conflict__version" aria-labelledby={`${ids.conflict}-mine`}>
          <h4 id={`${ids.conflict}-mine`} className="nhsuk-heading-s">
            Your changes
          </h4>
          <AnswerSummary domain={domain} draft={mine} evidence={evidence} compareTo={saved} />
        </section>
        <section className="wgll-conflict__version" aria-labelledby={`${ids.conflict}-saved`}>
          <h4 id={`${ids.conflict}-saved`} className="nhsuk-heading-s">
            {savedHeading}
          </h4>
          <AnswerSummary domain={domain} draft={saved} evidence={evidence} compareTo={mine} />
        </section>
      </div>
      <div className="nhsuk-button-group">
        <Button type="button" onClick={onKeepMine}>
          Keep my changes
        </Button>
        <Button type="button" secondary onClick={onUseSaved}>
          Use the saved version
        </Button>
      </div>
    </div>
  );
}
