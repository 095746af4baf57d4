import { BackLink, InsetText } from 'nhsuk-react-components';
import { Link, useParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { Forbidden, FORBIDDEN_TITLE } from '../../../components/forbidden';
import { LoadingMessage } from '../../../components/loading-message';
import { NotFound } from '../../../components/not-found';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { regionResultsPath } from '../../../lib/links';
import { useRegionTargets } from '../api/targets-api';
import { AreaProgress, TargetIntro } from '../components/target-progress';

/** /regions/:code/targets: each national target's progress in the region, with the organisations not yet there. */
export function RegionTargetsPage() {
  const code = (useParams()['code'] ?? '').toUpperCase();
  const query = useRegionTargets(code);
  const forbidden = query.error instanceof ApiRequestError && query.error.isForbidden;
  const notFound = query.error instanceof ApiRequestError && query.error.isNotFound;
  const name = query.data ? query.data.region.name : `Region ${code}`;
  useDocumentTitle(
    forbidden ? FORBIDDEN_TITLE : notFound ? 'Region not found' : `National targets – ${name}`,
  );
  if (forbidden) return <Forbidden />;
  if (notFound) {
    return (
      <NotFound heading="Region not found">
        <p>There is no NHS England region with the ODS code {code}.</p>
      </NotFound>
    );
  }
  return (
    <>
      <BackLink asElement={Link} to={regionResultsPath(code)}>
        Results – {name}
      </BackLink>
      <h1>
        <span className="nhsuk-caption-l">{name}</span>
        National targets
      </h1>
      {query.data ? (
        query.data.targets.length === 0 ? (
          <InsetText>
            <p>There are no national targets yet. National administrators set them.</p>
          </InsetText>
        ) : (
          <>
            <p>
              Each national target’s progress among the region’s organisations: organisations in the region on
              each cycle’s reference date that run one of the target’s care settings.
            </p>
            {query.data.targets.map((progress) => (
              <section key={progress.target.id} aria-labelledby={`target-${progress.target.id}`}>
                <h2 id={`target-${progress.target.id}`}>{progress.target.name}</h2>
                <TargetIntro progress={progress} />
                {progress.areas.map((area) => (
                  <AreaProgress
                    key={area.area.code ?? 'england'}
                    progress={progress}
                    area={area}
                    headingLevel="h3"
                  />
                ))}
              </section>
            ))}
          </>
        )
      ) : query.isError ? (
        <ApiErrorSummary error={query.error} />
      ) : (
        <LoadingMessage>Loading the targets…</LoadingMessage>
      )}
    </>
  );
}
