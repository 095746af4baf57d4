import type { ReturnDetail } from '@wgll/contracts';
import { Link } from 'react-router';

import { DemoDataNotice } from '../../../components/demo-data-notice';
import { readableName } from '../../../lib/format';
import { planPath, questionnairePath, returnPath } from '../../../lib/links';
import { returnScopeLabel } from '../return-labels';
import '../returns.css';
import { ReturnStateTag } from '../../../components/return-state-tag';

/** The first measure of the return, where the questions start. */
function firstMeasure(detail: ReturnDetail): string {
  return detail.measures[0]?.measure ?? 'well-led';
}

export type ReturnSection =
  'overview' | 'questions' | 'assignments' | 'review' | 'approval' | 'plan' | 'history';

interface ReturnHeaderProps {
  detail: ReturnDetail;
  /** The section the page belongs to, marked as current in the navigation (none for a sealed return). */
  current?: ReturnSection;
}

function sectionsOf(detail: ReturnDetail): { id: ReturnSection; label: string; to: string }[] {
  return [
    { id: 'overview', label: 'Overview', to: returnPath(detail.id) },
    { id: 'questions', label: 'Questions', to: questionnairePath(detail.id, firstMeasure(detail)) },
    { id: 'assignments', label: 'Assignments', to: returnPath(detail.id, 'assignments') },
    { id: 'review', label: 'Review', to: returnPath(detail.id, 'review') },
    { id: 'approval', label: 'Approval', to: returnPath(detail.id, 'approval') },
    { id: 'plan', label: 'Plan', to: planPath(detail.id) },
    { id: 'history', label: 'History', to: returnPath(detail.id, 'history') },
  ];
}

/**
 * The top of every page of a return: whose return it is, its state, and links to its sections.
 * Each page keeps its own h1, which comes after this.
 */
export function ReturnHeader({ detail, current }: ReturnHeaderProps) {
  return (
    <div className="wgll-return-header">
      <p className="nhsuk-caption-l nhsuk-u-margin-bottom-2">
        {readableName(detail.owner.name)} ({detail.owner.code}) · {returnScopeLabel(detail)} return ·{' '}
        {detail.cycle.name}
        {detail.revision > 1 ? ` · Revision ${detail.revision}` : ''}
      </p>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-3">
        <span className="nhsuk-u-visually-hidden">State: </span>
        <ReturnStateTag state={detail.state} />
      </p>
      {detail.demo ? (
        <DemoDataNotice>
          This return was generated for the demonstration. It is not a real organisation’s assessment.
        </DemoDataNotice>
      ) : null}
      <nav className="wgll-secondary-nav" aria-label="Sections of this return">
        <ul className="wgll-secondary-nav__list">
          {sectionsOf(detail).map((section) => (
            <li
              key={section.id}
              className={
                section.id === current
                  ? 'wgll-secondary-nav__item wgll-secondary-nav__item--current'
                  : 'wgll-secondary-nav__item'
              }
            >
              <Link
                className="wgll-secondary-nav__link"
                to={section.to}
                aria-current={section.id === current ? 'page' : undefined}
              >
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
