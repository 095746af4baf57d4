import type { ReturnDetail } from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import { useState } from 'react';
import { Link } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { SuccessBanner } from '../../../components/success-banner';
import { useDocumentTitle } from '../../../components/use-document-title';
import { sentenceCase } from '../../../lib/format';
import { planPath, questionnairePath } from '../../../lib/links';
import { useReturnFramework } from '../api/returns-api';
import { MarkReadyForm } from '../components/mark-ready-form';
import { MissingList } from '../components/missing-list';
import { DraftBoardPackLink } from '../components/board-pack-links';
import { ReturnHeader } from '../components/return-header';
import { SentBackNotice } from '../components/sent-back-notice';
import { ReturnLoader } from '../components/return-loader';
import { draftFromAnswer } from '../questionnaire/answer-draft';
import { AnswerSummary } from '../questionnaire/answer-summary';
import { formatScore, measureScoreText } from '../return-format';
import { returnPeople, returnTitle } from '../return-labels';

function ReviewAnswers({ detail, framework }: { detail: ReturnDetail; framework: FrameworkVersion }) {
  return (
    <>
      {framework.measures.map((measure) => {
        const score = detail.scores.measures.find((item) => item.measure === measure.id);
        const domains = framework.domains.filter((domain) => domain.measure === measure.id);
        if (domains.length === 0) return null;
        return (
          <section key={measure.id} aria-labelledby={`measure-${measure.id}`} className="wgll-measure">
            <h2 id={`measure-${measure.id}`}>{measure.name}</h2>
            <p className="nhsuk-body-l">Measure score: {measureScoreText(score)}</p>
            {domains.map((domain) => {
              const answer = detail.answers.find((item) => item.domainId === domain.id);
              return (
                <div key={domain.id} className="wgll-domain">
                  <h3>
                    <Link to={questionnairePath(detail.id, measure.id, domain.id)}>{domain.title}</Link>
                  </h3>
                  <AnswerSummary
                    domain={domain}
                    draft={draftFromAnswer(answer)}
                    evidence={detail.evidence}
                    answered={answer !== undefined}
                    toConfirm={answer?.toConfirm ?? false}
                  />
                </div>
              );
            })}
          </section>
        );
      })}
    </>
  );
}

function ReturnReview({ detail }: { detail: ReturnDetail }) {
  useDocumentTitle(`Review – ${returnTitle(detail)}`);
  const framework = useReturnFramework(detail);
  const [ready, setReady] = useState(0);
  const canMarkReady = detail.permissions.submit && detail.state === 'draft';
  const people = returnPeople(detail);

  return (
    <>
      <ReturnHeader detail={detail} current="review" />
      {ready > 0 ? (
        <SuccessBanner key={ready} heading="The return is ready for board approval">
          <p>
            {`${sentenceCase(people.approver)} can now record the board’s approval${people.onBehalf} on the approval page.`}
          </p>
        </SuccessBanner>
      ) : null}
      <h1>Review the return</h1>
      <SentBackNotice detail={detail} />
      {detail.state === 'submitted' ? (
        <p>
          Every answer in one place, as sealed. The return has been submitted and sealed, so its answers can
          no longer be changed. Select a domain to see it in full.
        </p>
      ) : (
        <p>
          Every answer in one place, to check before the return goes to the board. Select a domain to change
          its answer.
        </p>
      )}
      <p className="nhsuk-body-l">
        Overall score: <strong>{formatScore(detail.overall)}</strong>
      </p>
      <p>
        <Link to={planPath(detail.id)}>Improvement plan</Link>: target levels for the domains, and the actions
        that close the gap
      </p>
      <DraftBoardPackLink detail={detail} />
      {canMarkReady ? <MarkReadyForm detail={detail} onReady={() => setReady((value) => value + 1)} /> : null}
      <MissingList detail={detail} />
      {framework.isPending ? <LoadingMessage>Loading the answers…</LoadingMessage> : null}
      {framework.isError ? <ApiErrorSummary error={framework.error} /> : null}
      {framework.data ? <ReviewAnswers detail={detail} framework={framework.data} /> : null}
    </>
  );
}

/** /returns/:id/review: every answer, the scores, what is missing, and marking the return ready. */
export function ReturnReviewPage() {
  return <ReturnLoader>{(detail) => <ReturnReview detail={detail} />}</ReturnLoader>;
}
