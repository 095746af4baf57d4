import { BackLink, InsetText } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { useDocumentTitle } from '../../../components/use-document-title';
import { nationalResultsPath } from '../../../lib/links';
import { useNationalTargets } from '../api/targets-api';
import { AreaProgress, TargetIntro } from '../components/target-progress';

/** /national/targets: each national target's progress in England (named) and each region (counts). */
export function NationalTargetsPage() {
  useDocumentTitle('National targets – England');
  const query = useNationalTargets();
  return (
    <>
      <BackLink asElement={Link} to={nationalResultsPath()}>
        Results – England
      </BackLink>
      <h1>
        <span className="nhsuk-caption-l">England</span>
        National targets
      </h1>
      {query.data ? (
        query.data.targets.length === 0 ? (
          <InsetText>
            <p>
              There are no national targets yet. <Link to="/admin/targets">Set a national target</Link>.
            </p>
          </InsetText>
        ) : (
          query.data.targets.map((progress) => {
            const [england, ...regions] = progress.areas;
            return (
              <section key={progress.target.id} aria-labelledby={`target-${progress.target.id}`}>
                <h2 id={`target-${progress.target.id}`}>{progress.target.name}</h2>
                <TargetIntro progress={progress} />
                {england ? <AreaProgress progress={progress} area={england} headingLevel="h3" /> : null}
                <details className="nhsuk-details">
                  <summary className="nhsuk-details__summary">
                    <span className="nhsuk-details__summary-text">Each region</span>
                  </summary>
                  <div className="nhsuk-details__text">
                    {regions.map((area) => (
                      <AreaProgress key={area.area.code} progress={progress} area={area} headingLevel="h4" />
                    ))}
                  </div>
                </details>
              </section>
            );
          })
        )
      ) : query.isError ? (
        <ApiErrorSummary error={query.error} />
      ) : (
        <LoadingMessage>Loading the targets…</LoadingMessage>
      )}
    </>
  );
}
