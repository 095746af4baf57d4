import type { ReturnDetail } from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import { Fragment, useCallback, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { NotFound } from '../../../components/not-found';
import { RenderLater } from '../../../components/render-later';
import { useDocumentTitle } from '../../../components/use-document-title';
import { peersPath, questionnairePath } from '../../../lib/links';
import { useReturnFramework } from '../api/returns-api';
import { ReturnHeader } from '../components/return-header';
import { SentBackNotice } from '../components/sent-back-notice';
import { ReturnLoader } from '../components/return-loader';
import { DomainJumpList, NextDomain } from '../questionnaire/domain-nav';
import { DomainQuestion, type DomainActions, type DomainMode } from '../questionnaire/domain-question';
import { liveProgress, liveScores } from '../questionnaire/live-score';
import { MeasureNav, MeasurePager } from '../questionnaire/measure-nav';
import { MeasureScore } from '../questionnaire/measure-score';
import {
  ApprovalsWithdrawnNotice,
  NeedsAttentionElsewhere,
  ReadOnlyNotice,
  readOnlyReason,
  StoppedNotice,
} from '../questionnaire/questionnaire-notices';
import { ReturnEvidence } from '../questionnaire/return-evidence';
import { PageSaveStatus } from '../questionnaire/save-status';
import { useAutosave, type AutosaveEvent } from '../questionnaire/use-autosave';
import { returnTitle } from '../return-labels';
import { usePlan } from '../../../lib/api/plans-api';
import '../questionnaire/questionnaire.css';

const MEASURE_NOT_FOUND = 'Measure not found';

interface QuestionnaireProps {
  detail: ReturnDetail;
  framework: FrameworkVersion | undefined;
  frameworkError: unknown;
}

function Questionnaire({ detail, framework, frameworkError }: QuestionnaireProps) {
  const measureId = useParams()['measure'] ?? '';
  const [searchParams] = useSearchParams();
  const focusId = searchParams.get('domain');
  const reason = readOnlyReason(detail);
  const [withdrawn, setWithdrawn] = useState(false);

  const domainIdList = useMemo(() => framework?.domains.map((domain) => domain.id), [framework]);
  const onEvent = useCallback((event: AutosaveEvent) => {
    if (event.kind === 'approvals-withdrawn') setWithdrawn(true);
  }, []);
  const autosave = useAutosave({
    returnId: detail.id,
    answers: detail.answers,
    domainIds: domainIdList,
    enabled: reason === null,
    onEvent,
  });
  const { snapshot } = autosave;
  // Elements the improvement plan says are done but which are not ticked: a hint beside each.
  const plan = usePlan(detail.id, reason === null);
  const planDone = useMemo(
    () => new Set(plan.data?.doneNotTicked.map((item) => item.elementId) ?? []),
    [plan.data],
  );
  const actions: DomainActions = useMemo(
    () => ({
      edit: autosave.edit,
      flush: autosave.flush,
      confirm: autosave.confirm,
      keepMine: autosave.keepMine,
      takeSaved: autosave.takeSaved,
    }),
    [autosave.edit, autosave.flush, autosave.confirm, autosave.keepMine, autosave.takeSaved],
  );

  const measure = framework?.measures.find((item) => item.id === measureId);
  // The tab says what the page says: the measure, the questions while loading, or "not found".
  useDocumentTitle(
    measure
      ? `${measure.name} – ${returnTitle(detail)}`
      : framework
        ? MEASURE_NOT_FOUND
        : `Questions – ${returnTitle(detail)}`,
  );

  if (!framework) {
    return (
      <>
        <ReturnHeader detail={detail} current="questions" />
        <h1>Questions</h1>
        {frameworkError ? (
          <ApiErrorSummary error={frameworkError} />
        ) : (
          <LoadingMessage>Loading the questions…</LoadingMessage>
        )}
      </>
    );
  }
  if (!measure) {
    return (
      <NotFound heading={MEASURE_NOT_FOUND}>
        <p>This return has no success measure called {measureId}.</p>
        <p>
          <Link to={questionnairePath(detail.id, framework.measures[0]?.id ?? 'well-led')}>
            Go to the first measure
          </Link>
        </p>
      </NotFound>
    );
  }

  const measureDomains = framework.domains.filter((domain) => domain.measure === measure.id);
  const focused = measureDomains.find((domain) => domain.id === focusId);
  const shownDomains = focused ? [focused] : measureDomains;
  // The domains this return answers (a care setting's return leaves some out).
  const answerable = measureDomains.filter((domain) => snapshot.domains.has(domain.id));
  const progress = liveProgress(framework, snapshot);
  const scores = liveScores(framework, detail.careSetting, snapshot);
  const measureIndex = framework.measures.indexOf(measure);
  const assigneeOf = (test: (a: ReturnDetail['assignments'][number]) => boolean) =>
    detail.assignments.find(test)?.assignee.displayName;
  const measureAssignee = assigneeOf((a) => a.measure === measure.id);
  const mode: DomainMode = reason !== null ? 'read-only' : snapshot.stopped ? 'stopped' : 'edit';
  const carriedFrom = detail.carriedForwardFrom?.cycleName ?? 'an earlier cycle';

  return (
    <>
      <ReturnHeader detail={detail} current="questions" />
      <h1>
        <span className="nhsuk-caption-l">
          Success measure {measureIndex + 1} of {framework.measures.length}
        </span>
        {measure.name}
      </h1>
      {measureAssignee ? <p className="wgll-assignee">Assigned to {measureAssignee}</p> : null}
      <div className="nhsuk-grid-row wgll-questionnaire-layout">
        <div className="nhsuk-grid-column-one-third">
          <div className="wgll-questionnaire-aside">
            {reason === null ? <PageSaveStatus snapshot={snapshot} /> : null}
            <MeasureNav returnId={detail.id} progress={progress} current={measure.id} />
          </div>
        </div>
        <div className="nhsuk-grid-column-two-thirds">
          {reason !== null ? <ReadOnlyNotice reason={reason} /> : null}
          {snapshot.stopped && reason === null ? (
            <StoppedNotice
              message={snapshot.stopped.message}
              unsaved={snapshot.unsaved}
              onRetry={autosave.resume}
            />
          ) : null}
          {withdrawn ? <ApprovalsWithdrawnNotice /> : null}
          <SentBackNotice detail={detail} />
          <NeedsAttentionElsewhere
            returnId={detail.id}
            snapshot={snapshot}
            domains={framework.domains}
            shown={new Set(shownDomains.map((domain) => domain.id))}
          />
          <MeasureScore result={scores.measures.find((item) => item.measure === measure.id)} />
          {focusId && !focused ? (
            <p>
              That domain is not part of {measure.name} in this return, so every domain of the measure is
              shown.
            </p>
          ) : null}
          {focused && measureDomains.length > 1 ? (
            <p>
              <Link to={questionnairePath(detail.id, measure.id)}>
                Show all {measureDomains.length} domains of {measure.name}
              </Link>
            </p>
          ) : null}
          {measureDomains.length === 0 ? <p>No domains of this measure apply to this return.</p> : null}
          <DomainJumpList
            returnId={detail.id}
            domains={answerable}
            views={snapshot.domains}
            focused={focused !== undefined}
            currentId={focused?.id}
          />
          {shownDomains.map((domain, index) => {
            const view = snapshot.domains.get(domain.id);
            if (!view) return null;
            const next = answerable[answerable.indexOf(domain) + 1];
            // The first domain at once; the others, below the first screen, just after the first paint.
            const Part = index === 0 ? Fragment : RenderLater;
            return (
              <Part key={domain.id}>
                <DomainQuestion
                  returnId={detail.id}
                  domain={domain}
                  view={view}
                  evidence={detail.evidence}
                  assignee={assigneeOf((a) => a.domainId === domain.id)}
                  carriedFrom={carriedFrom}
                  mode={mode}
                  actions={actions}
                  planDone={planDone}
                  peersHref={
                    detail.owner.type === 'organisation' ? peersPath(detail.id, domain.id) : undefined
                  }
                />
                <NextDomain returnId={detail.id} next={next} focused={focused !== undefined} />
              </Part>
            );
          })}
          <RenderLater>
            {mode === 'edit' ? <ReturnEvidence detail={detail} domains={framework.domains} /> : null}
            <MeasurePager returnId={detail.id} progress={progress} current={measure.id} />
          </RenderLater>
        </div>
      </div>
    </>
  );
}

function QuestionnaireWithFramework({ detail }: { detail: ReturnDetail }) {
  const framework = useReturnFramework(detail);
  return <Questionnaire detail={detail} framework={framework.data} frameworkError={framework.error} />;
}

/**
 * /returns/:id/measures/:measure (optionally ?domain=): the questions of one success measure. Each
 * domain's answer saves itself as the person works (see questionnaire/use-autosave.ts), and the
 * levels and measure score are computed live from what is ticked.
 */
export function QuestionnairePage() {
  return <ReturnLoader>{(detail) => <QuestionnaireWithFramework detail={detail} />}</ReturnLoader>;
}
