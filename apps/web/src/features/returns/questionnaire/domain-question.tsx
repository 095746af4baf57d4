import type { Evidence } from '@wgll/contracts';
import type { FrameworkDomain } from '@wgll/framework';
import { InsetText, WarningCallout } from 'nhsuk-react-components';
import { memo, useRef, useState } from 'react';

import { FormErrorSummary } from '../../../components/form-error-summary';
import { useCurrentUser } from '../../../lib/api/session-api';
import { AddEvidence } from './add-evidence';
import { toggle, type AnswerDraft } from './answer-draft';
import { AnswerSummary } from './answer-summary';
import type { DomainSaveView } from './autosave-snapshot';
import { CommentField, ConfidenceField, NotApplicableField } from './comment-confidence';
import { ConflictPanel } from './conflict-panel';
import { domainProblems, type DomainProblems } from './domain-problems';
import { DomainScore, LevelBar } from './domain-score';
import { EvidencePicker } from './evidence-picker';
import { domainIds } from './field-ids';
import { LevelElements } from './level-elements';
import { hasAnswer } from './live-score';
import { domainStatusText, savedByYou } from './save-status';
import { ToConfirm } from './to-confirm';

/** What a domain can ask of autosave. Stable functions, so unchanged domains skip re-rendering. */
export interface DomainActions {
  edit: (domainId: string, change: (draft: AnswerDraft) => AnswerDraft, now?: boolean) => void;
  flush: (domainId: string) => void;
  confirm: (domainId: string) => void;
  keepMine: (domainId: string) => void;
  takeSaved: (domainId: string) => void;
}

/** edit: inputs. read-only: the answer as text. stopped: autosave stopped, unsaved edits shown to copy. */
export type DomainMode = 'edit' | 'read-only' | 'stopped';

interface DomainQuestionProps {
  returnId: string;
  domain: FrameworkDomain;
  view: DomainSaveView;
  evidence: readonly Evidence[];
  assignee: string | undefined;
  carriedFrom: string;
  mode: DomainMode;
  actions: DomainActions;
  /** Elements whose improvement plan action is done but which are not ticked. */
  planDone?: ReadonlySet<string>;
  /** Link to who meets what the domain lacks (a trust's return only). */
  peersHref?: string;
}

interface InputsProps {
  returnId: string;
  domain: FrameworkDomain;
  draft: AnswerDraft;
  evidence: readonly Evidence[];
  problems: DomainProblems;
  actions: DomainActions;
  planDone: ReadonlySet<string> | undefined;
}

function DomainInputs({ returnId, domain, draft, evidence, problems, actions, planDone }: InputsProps) {
  const change = (update: (draft: AnswerDraft) => AnswerDraft) => actions.edit(domain.id, update);
  return (
    <>
      {domain.notApplicableAllowed ? (
        <NotApplicableField
          domainId={domain.id}
          checked={draft.notApplicable}
          error={problems.notApplicable}
          onChange={(notApplicable) => change((d) => ({ ...d, notApplicable }))}
        />
      ) : null}
      <LevelElements
        domain={domain}
        met={draft.met}
        notApplicable={draft.notApplicable && domain.notApplicableAllowed}
        noneMet={draft.noneMet}
        error={problems.met}
        noneMetError={problems.noneMet}
        planDone={planDone}
        onToggle={(elementId, on) =>
          change((d) => ({ ...d, met: toggle(d.met, elementId, on), noneMet: on ? false : d.noneMet }))
        }
        onNoneMet={(on) => change((d) => ({ ...d, noneMet: on, met: on ? [] : d.met }))}
      />
      <ConfidenceField
        domainId={domain.id}
        value={draft.confidence}
        error={problems.confidence}
        onChange={(confidence) => change((d) => ({ ...d, confidence }))}
      />
      <CommentField
        domainId={domain.id}
        value={draft.comment}
        error={problems.comment}
        onChange={(comment) => change((d) => ({ ...d, comment }))}
        onBlur={() => actions.flush(domain.id)}
      />
      <EvidencePicker
        returnId={returnId}
        domainId={domain.id}
        evidence={evidence}
        cited={draft.evidenceIds}
        error={problems.evidence}
        onToggle={(evidenceId, on) =>
          change((d) => ({ ...d, evidenceIds: toggle(d.evidenceIds, evidenceId, on) }))
        }
      />
      <AddEvidence
        returnId={returnId}
        domainId={domain.id}
        onAdded={(added) => change((d) => ({ ...d, evidenceIds: toggle(d.evidenceIds, added.id, true) }))}
      />
    </>
  );
}

/** One domain of the measure: what good looks like, the live level, and the answer (inputs or text). */
export const DomainQuestion = memo(function DomainQuestion({
  returnId,
  domain,
  view,
  evidence,
  assignee,
  carriedFrom,
  mode,
  actions,
  planDone,
  peersHref,
}: DomainQuestionProps) {
  const ids = domainIds(domain.id);
  const heading = useRef<HTMLHeadingElement>(null);
  const [confirmedHere, setConfirmedHere] = useState(false);
  const firstElement = domain.levels.find((level) => level.elements.length > 0)?.elements[0];
  const problems = domainProblems(
    domain.id,
    view.phase === 'invalid' ? view.invalid : null,
    firstElement?.id,
  );
  const userId = useCurrentUser()?.id;
  const status = domainStatusText(view, userId);
  const editing = mode === 'edit' && !view.conflict;

  return (
    <section className="wgll-question" id={ids.section} aria-labelledby={ids.heading}>
      <h2 id={ids.heading} ref={heading} className="nhsuk-heading-l wgll-focus-target" tabIndex={-1}>
        {domain.title}
      </h2>
      {assignee ? <p className="nhsuk-body-s wgll-assignee">Assigned to {assignee}</p> : null}
      {status ? (
        <p className={`nhsuk-body-s wgll-domain-status wgll-domain-status--${view.phase}`}>{status}</p>
      ) : null}
      <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">What good looks like</h3>
      <p>{domain.whatGoodLooksLike}</p>
      {view.restored && mode === 'edit' && view.unsaved ? (
        <InsetText>
          <p>Changes you had not saved before the page was reloaded have been kept, and are being saved.</p>
        </InsetText>
      ) : null}
      {/* Shown as autosave answers, so it is announced rather than taking focus. */}
      <FormErrorSummary
        id={ids.errors}
        title="This answer has not been saved"
        headingLevel="h3"
        disableAutoFocus
        errors={problems.list}
      />
      {view.conflict && mode !== 'read-only' ? (
        <ConflictPanel
          domain={domain}
          mine={view.draft}
          current={view.conflict.current}
          byYou={savedByYou(view.conflict.current, userId)}
          evidence={evidence}
          onKeepMine={() => {
            // The panel goes: focus returns to the domain, whose status says what happens next.
            actions.keepMine(domain.id);
            heading.current?.focus();
          }}
          onUseSaved={() => {
            actions.takeSaved(domain.id);
            heading.current?.focus();
          }}
        />
      ) : null}
      {(view.stored?.toConfirm ?? false) || confirmedHere ? (
        <ToConfirm
          cycleName={carriedFrom}
          toConfirm={view.stored?.toConfirm ?? false}
          changed={view.unsaved}
          confirmedHere={confirmedHere}
          busy={view.phase === 'saving' || view.phase === 'pending'}
          readOnly={!editing}
          onConfirm={() => {
            setConfirmedHere(true);
            actions.confirm(domain.id);
          }}
        />
      ) : null}
      {mode === 'stopped' && view.unsaved ? (
        <WarningCallout>
          <WarningCallout.Heading>Your changes to this domain are not saved</WarningCallout.Heading>
          <p>Copy anything you need from your changes below before you leave this page.</p>
          <AnswerSummary domain={domain} draft={view.draft} evidence={evidence} />
        </WarningCallout>
      ) : null}
      <DomainScore
        domain={domain}
        draft={view.draft}
        answered={hasAnswer(view)}
        editable={editing}
        peersHref={peersHref}
      />
      {editing ? <LevelBar domain={domain} draft={view.draft} answered={hasAnswer(view)} /> : null}
      {editing ? (
        <DomainInputs
          returnId={returnId}
          domain={domain}
          draft={view.draft}
          evidence={evidence}
          problems={problems}
          actions={actions}
          planDone={planDone}
        />
      ) : mode === 'read-only' || (!view.conflict && !(mode === 'stopped' && view.unsaved)) ? (
        hasAnswer(view) ? (
          <AnswerSummary domain={domain} draft={view.draft} evidence={evidence} />
        ) : (
          <p>Not answered.</p>
        )
      ) : null}
    </section>
  );
});
