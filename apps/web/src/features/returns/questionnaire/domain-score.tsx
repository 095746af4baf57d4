import type { FrameworkDomain } from '@wgll/framework';
import { whatNextLevelNeeds } from '@wgll/scoring';

import { Link } from 'react-router';

import { pluralise } from '../../../lib/format';
import { effectiveMet, type AnswerDraft } from './answer-draft';

interface DomainScoreProps {
  domain: FrameworkDomain;
  draft: AnswerDraft;
  answered: boolean;
  /** Say how to answer (not on a read-only page). */
  editable: boolean;
  /** The page of organisations meeting what this domain lacks (a trust's return only). */
  peersHref?: string;
}

/**
 * The domain's level, computed as the person ticks (never typed), and what the next level needs.
 * When higher elements are ticked but a lower level is incomplete, it says what they wait for.
 */
export function DomainScore({ domain, draft, answered, editable, peersHref }: DomainScoreProps) {
  const headingId = `domain-${domain.id}-score-heading`;
  if (draft.notApplicable && domain.notApplicableAllowed) {
    return (
      <section className="wgll-live-score" aria-labelledby={headingId}>
        <h3 id={headingId} className="nhsuk-heading-s nhsuk-u-margin-bottom-2">
          Current level
        </h3>
        <p className="nhsuk-body nhsuk-u-margin-bottom-0" aria-live="polite">
          <strong>Not applicable</strong>: this domain is not scored and does not count towards the measure
          score.
        </p>
      </section>
    );
  }
  const needs = whatNextLevelNeeds(domain, new Set(effectiveMet(draft)));
  return (
    <section className="wgll-live-score" aria-labelledby={headingId}>
      <h3 id={headingId} className="nhsuk-heading-s nhsuk-u-margin-bottom-2">
        Current level
      </h3>
      <p className="nhsuk-body" aria-live="polite" aria-atomic="true">
        <strong className="wgll-live-score__level">Level {needs.currentLevel}</strong>
        {answered ? '' : ' – not answered yet'}
      </p>
      {answered || !editable ? null : (
        <p className="nhsuk-body-s">
          This domain is answered once you tick an element
          {domain.notApplicableAllowed ? ', mark it not applicable' : ''} or choose “None of these is met
          yet”. A comment or a confidence alone does not answer it.
        </p>
      )}
      {needs.nextLevel === null ? (
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
          Every element is met: level 5 is the highest level.
        </p>
      ) : (
        <>
          <h4 className="nhsuk-heading-xs nhsuk-u-margin-bottom-2">What level {needs.nextLevel} needs</h4>
          <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
            {needs.needed.map((element) => (
              <li key={element.id}>{element.text}</li>
            ))}
          </ul>
          {needs.metAboveNextLevel.length > 0 ? (
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
              <strong>Held back:</strong> you have ticked{' '}
              {pluralise(needs.metAboveNextLevel.length, 'element')} of higher levels.{' '}
              {needs.metAboveNextLevel.length === 1 ? 'It counts' : 'They count'} only once every element of
              level {needs.nextLevel} is met. With{' '}
              {needs.needed.length === 1 ? 'that element' : `those ${needs.needed.length} elements`} met, the
              domain would be at level {needs.levelOnceNeededMet}.
            </p>
          ) : null}
          {peersHref ? (
            <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
              <Link to={peersHref}>
                Who meets what we lack<span className="nhsuk-u-visually-hidden"> in {domain.title}</span>
              </Link>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

/**
 * The level and what the next one needs in one line, kept in view beside the checkboxes while
 * ticking (sticky on wide screens; on narrow ones it stays in place, covering nothing). The full
 * account is in DomainScore, which screen readers hear as it changes.
 */
export function LevelBar({ domain, draft, answered }: Omit<DomainScoreProps, 'editable'>) {
  if (draft.notApplicable && domain.notApplicableAllowed) return null;
  const needs = whatNextLevelNeeds(domain, new Set(effectiveMet(draft)));
  return (
    <p className="nhsuk-body-s wgll-level-bar" data-testid="level-bar">
      <strong>{answered ? `Level ${needs.currentLevel}` : 'Not answered yet'}</strong>
      {' – '}
      {needs.nextLevel === null
        ? 'every element is met.'
        : `level ${needs.nextLevel} needs ${pluralise(needs.needed.length, 'more element')}${
            needs.metAboveNextLevel.length > 0
              ? ` (${needs.metAboveNextLevel.length} held back above it)`
              : ''
          }.`}
    </p>
  );
}
