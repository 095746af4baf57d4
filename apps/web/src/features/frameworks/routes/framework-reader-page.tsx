import type { FrameworkVersion } from '@wgll/framework';
import { BackLink, ContentsList, SummaryList, WarningCallout } from 'nhsuk-react-components';
import { Link, useParams, useSearchParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { NotFound } from '../../../components/not-found';
import { RetireAction } from '../../../components/retire-action';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { useFrameworkVersion, useFrameworkVersions } from '../../../lib/api/frameworks-api';
import { useCurrentUser } from '../../../lib/api/session-api';
import { formatDate } from '../../../lib/dates';
import { userFieldMessage } from '../../../lib/field-messages';
import { careSettingLabels, isCareSetting, pluralise } from '../../../lib/format';
import { useRetireFrameworkVersion } from '../api/frameworks-api';
import { CareSettingForm } from '../components/care-setting-form';
import { FrameworkStatusTag } from '../components/framework-status-tag';
import { HowLevelsWork } from '../components/how-levels-work';
import { measureAnchor, MeasureSection } from '../components/measure-section';
import { frameworkLevelLabels } from '../framework-labels';

/** "the ambulance care setting", or undefined when the reader shows every care setting. */
function describeCareSetting(careSetting: string | undefined): string | undefined {
  if (!careSetting || !isCareSetting(careSetting)) return undefined;
  return `the ${careSettingLabels[careSetting].toLowerCase()} care setting`;
}

function VersionFacts({ framework, retiredAt }: { framework: FrameworkVersion; retiredAt: string | null }) {
  return (
    <SummaryList>
      <SummaryList.Row>
        <SummaryList.Key>For</SummaryList.Key>
        <SummaryList.Value>{frameworkLevelLabels[framework.level]}</SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Version</SummaryList.Key>
        <SummaryList.Value>{framework.version}</SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Status</SummaryList.Key>
        <SummaryList.Value>
          <FrameworkStatusTag status={retiredAt ? 'retired' : framework.status} />
        </SummaryList.Value>
      </SummaryList.Row>
      {retiredAt ? (
        <SummaryList.Row>
          <SummaryList.Key>Retired</SummaryList.Key>
          <SummaryList.Value>{formatDate(retiredAt.slice(0, 10))}</SummaryList.Value>
        </SummaryList.Row>
      ) : null}
      <SummaryList.Row>
        <SummaryList.Key>Published</SummaryList.Key>
        <SummaryList.Value>
          {framework.publishedOn ? formatDate(framework.publishedOn) : 'Not published yet'}
        </SummaryList.Value>
      </SummaryList.Row>
      {framework.previousVersion ? (
        <SummaryList.Row>
          <SummaryList.Key>Follows</SummaryList.Key>
          <SummaryList.Value>
            Version {framework.previousVersion.version}.{' '}
            <Link
              to={`/frameworks/${encodeURIComponent(framework.frameworkId)}/versions/${encodeURIComponent(framework.version)}/changes`}
            >
              What changed since {framework.previousVersion.version}
            </Link>
          </SummaryList.Value>
        </SummaryList.Row>
      ) : null}
    </SummaryList>
  );
}

function StatusWarning({ framework, retired }: { framework: FrameworkVersion; retired: boolean }) {
  if (retired && framework.status !== 'retired') {
    return (
      <WarningCallout>
        <WarningCallout.Heading headingLevel="h2">This version has been retired</WarningCallout.Heading>
        <p>
          It cannot be chosen for a new cycle. It is kept so that the cycles and returns that use it can be
          read.
        </p>
      </WarningCallout>
    );
  }
  if (framework.status === 'draft') {
    return (
      <WarningCallout>
        <WarningCallout.Heading headingLevel="h2">This version is a draft</WarningCallout.Heading>
        <p>Its domains and elements may change before it is published.</p>
      </WarningCallout>
    );
  }
  if (framework.status === 'retired') {
    return (
      <WarningCallout>
        <WarningCallout.Heading headingLevel="h2">This version has been retired</WarningCallout.Heading>
        <p>It is kept so that earlier results can be read. New assessments use a newer version.</p>
      </WarningCallout>
    );
  }
  return null;
}

interface FrameworkContentProps {
  framework: FrameworkVersion;
  filterDescription: string | undefined;
}

/** The contents list and the 7 measure sections, each with its domains. */
function FrameworkContent({ framework, filterDescription }: FrameworkContentProps) {
  const measures = framework.measures.map((measure) => ({
    measure,
    domains: framework.domains.filter((domain) => domain.measure === measure.id),
  }));
  return (
    <>
      <ContentsList id="contents" aria-label="Success measures" visuallyHiddenText="Contents">
        {measures.map(({ measure, domains }) => (
          <ContentsList.Item key={measure.id} href={`#${measureAnchor(measure)}`}>
            {measure.name} ({pluralise(domains.length, 'domain')})
          </ContentsList.Item>
        ))}
      </ContentsList>
      {measures.map(({ measure, domains }) => (
        <MeasureSection
          key={measure.id}
          measure={measure}
          domains={domains}
          level={framework.level}
          filterDescription={filterDescription}
        />
      ))}
    </>
  );
}

/** The API's message about `careSetting`, in words a user can act on. */
function careSettingError(error: unknown): string | undefined {
  if (!(error instanceof ApiRequestError) || !error.isValidationError) return undefined;
  const messages = error.fieldErrors
    .filter((fieldError) => fieldError.field === 'careSetting')
    .flatMap((fieldError) => fieldError.messages.map((message) => userFieldMessage('careSetting', message)));
  return messages.length > 0 ? [...new Set(messages)].join('. ') : undefined;
}

/** National administrators: retire a version uploaded by mistake, after a confirmation. */
function RetireVersion({ frameworkId, version }: { frameworkId: string; version: string }) {
  const user = useCurrentUser();
  const retire = useRetireFrameworkVersion(frameworkId, version);
  if (!user?.roles.some((grant) => grant.role === 'national-administrator')) return null;
  return (
    <section aria-labelledby="retire-version-heading" className="nhsuk-u-margin-bottom-6">
      <h2 id="retire-version-heading" className="nhsuk-heading-s">
        Retire this version
      </h2>
      <p>For a version uploaded by mistake or replaced: it can then no longer be chosen for a new cycle.</p>
      <RetireAction
        what={`version ${version}`}
        label="Retire this version"
        consequences="It will not be offered for new cycles. Cycles and returns that already use it keep it, and it stays readable here. A version used by a cycle that has not closed cannot be retired."
        pending={retire.isPending}
        error={retire.error}
        onConfirm={() => retire.mutate()}
      />
    </section>
  );
}

/**
 * /frameworks/:frameworkId/versions/:version: what good looks like, measure by measure and domain by
 * domain, with each domain's level ladder. Organisation frameworks can be narrowed to a care setting.
 */
export function FrameworkReaderPage() {
  const params = useParams();
  const frameworkId = params['frameworkId'] ?? '';
  const version = params['version'] ?? '';
  const [searchParams] = useSearchParams();
  const careSetting = searchParams.get('careSetting')?.trim() || undefined;
  const query = useFrameworkVersion(frameworkId, version, careSetting);
  const framework = query.data;
  const summary = useFrameworkVersions().data?.items.find(
    (item) => item.frameworkId === frameworkId && item.version === version,
  );
  const retiredAt = summary?.retiredAt ?? null;

  const notFound = query.error instanceof ApiRequestError && query.error.isNotFound;
  const invalid = query.error instanceof ApiRequestError && query.error.isValidationError;
  const showsCareSettings = framework?.level === 'organisation';
  const filterDescription = showsCareSettings ? describeCareSetting(careSetting) : undefined;
  useDocumentTitle(
    notFound
      ? 'Framework not found'
      : framework
        ? `${framework.title}, version ${framework.version}${filterDescription ? `, ${filterDescription}` : ''}`
        : `${invalid ? 'Error: ' : ''}Framework version ${version}`,
  );

  if (notFound) {
    return (
      <NotFound heading="Framework not found">
        <p>
          There is no version {version} of the framework {frameworkId}.
        </p>
        <p>If you typed the web address, check it is correct.</p>
        <p>
          <Link to="/frameworks">See the framework versions</Link>
        </p>
      </NotFound>
    );
  }

  return (
    <>
      <BackLink asElement={Link} to="/frameworks">
        All frameworks
      </BackLink>
      {framework ? (
        <>
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-two-thirds">
              <h1>
                <span className="nhsuk-caption-l">{frameworkLevelLabels[framework.level]}</span>
                {framework.title}
              </h1>
              <p className="nhsuk-lede-text">
                {framework.level === 'organisation'
                  ? 'What good looks like for NHS trusts: the 7 success measures, their domains and what each level of a domain needs. Choose a care setting to see only the domains a trust answers for it.'
                  : 'What good looks like for an integrated care system as a whole, answered by its integrated care board (ICB): the 7 success measures, their domains and what each level of a domain needs.'}
              </p>
              <StatusWarning framework={framework} retired={retiredAt !== null} />
              <VersionFacts framework={framework} retiredAt={retiredAt} />
              {summary && !retiredAt ? <RetireVersion frameworkId={frameworkId} version={version} /> : null}
              <HowLevelsWork />
            </div>
          </div>
          {showsCareSettings ? <CareSettingForm careSetting={careSetting ?? ''} /> : null}
          <p role="status">
            {query.isPlaceholderData
              ? `Loading the domains for ${describeCareSetting(careSetting) ?? 'every care setting'}…`
              : filterDescription
                ? `Showing the ${pluralise(framework.domains.length, 'domain')} for ${filterDescription}.`
                : `Showing all ${pluralise(framework.domains.length, 'domain')}${showsCareSettings ? ', for every care setting' : ''}.`}
          </p>
          <FrameworkContent framework={framework} filterDescription={filterDescription} />
        </>
      ) : (
        <>
          <h1>Framework version {version}</h1>
          {query.isPending ? <LoadingMessage>Loading framework…</LoadingMessage> : null}
          {query.isError ? (
            <ApiErrorSummary error={query.error} fieldIds={{ careSetting: 'careSetting' }} />
          ) : null}
          {invalid ? (
            <CareSettingForm careSetting={careSetting ?? ''} error={careSettingError(query.error)} />
          ) : null}
        </>
      )}
    </>
  );
}
