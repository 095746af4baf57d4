import type { DomainAnswer } from '@wgll/contracts';

import { useCurrentUser } from '../../../lib/api/session-api';
import { formatTime } from '../../../lib/dates';
import { pluralise } from '../../../lib/format';
import type { AutosaveSnapshot, DomainSaveView } from './autosave-snapshot';

/** The saved answer that conflicts was saved by this same person (in another window or tab). */
export function savedByYou(current: DomainAnswer | null | undefined, userId: string | undefined): boolean {
  return Boolean(userId && current?.updatedBy && current.updatedBy.id === userId);
}

/** The page's one-line save status, as the live region says it. */
function pageStatusText(snapshot: AutosaveSnapshot, userId: string | undefined): string {
  if (snapshot.stopped) {
    return snapshot.unsaved > 0
      ? `${pluralise(snapshot.unsaved, 'change is', 'changes are')} not saved. ${snapshot.stopped.message}`
      : `Changes can no longer be saved. ${snapshot.stopped.message}`;
  }
  if (snapshot.retrying > 0) {
    return `${pluralise(snapshot.unsaved || snapshot.retrying, 'unsaved change')} – trying again`;
  }
  if (snapshot.conflicts > 0) {
    const conflicts = [...snapshot.domains.values()].filter((view) => view.conflict);
    const mine = conflicts.filter((view) => savedByYou(view.conflict?.current, userId)).length;
    const who =
      mine === 0
        ? 'someone else saved first'
        : mine === conflicts.length
          ? 'you saved in another window first'
          : 'a newer version was saved first';
    return `${pluralise(snapshot.conflicts, 'answer was', 'answers were')} not saved because ${who} – choose which version to keep`;
  }
  if (snapshot.invalid > 0) {
    return `${pluralise(snapshot.invalid, 'answer was', 'answers were')} not saved – see the problem shown with the answer`;
  }
  if (snapshot.busy > 0) return 'Saving…';
  if (snapshot.lastSavedAt) return `All changes saved at ${formatTime(snapshot.lastSavedAt)}`;
  return 'Your answers are saved automatically as you go.';
}

/** One domain's save state, in a few words. */
export function domainStatusText(view: DomainSaveView, userId?: string): string {
  switch (view.phase) {
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'retrying':
      return 'Not saved yet – trying again';
    case 'conflict':
      return savedByYou(view.conflict?.current, userId)
        ? 'Not saved – you saved this answer in another window first'
        : 'Not saved – someone else saved this answer first';
    case 'invalid':
      return 'Not saved – there is a problem with this answer';
    case 'stopped':
      return 'Not saved – changes can no longer be saved';
    case 'saved':
      return view.savedAt ? `Saved at ${formatTime(view.savedAt)}` : '';
  }
}

/**
 * The page-level save status: polite, so screen readers hear it when they are free. It stays in
 * place (sticky) so everyone can see whether their work is safe.
 */
export function PageSaveStatus({ snapshot }: { snapshot: AutosaveSnapshot }) {
  const text = pageStatusText(snapshot, useCurrentUser()?.id);
  const problem =
    snapshot.stopped !== null || snapshot.retrying > 0 || snapshot.conflicts > 0 || snapshot.invalid > 0;
  return (
    <div
      className={problem ? 'wgll-save-status wgll-save-status--problem' : 'wgll-save-status'}
      role="status"
      aria-live="polite"
      aria-atomic="true"
    >
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
        <span className="nhsuk-u-visually-hidden">Save status: </span>
        {problem ? <strong>{text}</strong> : text}
      </p>
    </div>
  );
}
