import type { OrganisationDetail } from '@wgll/contracts';
import { InsetText, SummaryList } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { CareSettingTags } from '../../../components/care-setting-tags';
import { StatusTag } from '../../../components/status-tag';
import { formatDate } from '../../../lib/dates';
import { readableName, trustTypeLabels } from '../../../lib/format';
import { icsPath, regionPath } from '../../../lib/links';

interface OrganisationSummaryProps {
  organisation: OrganisationDetail;
  /** The date the user chose, carried into links; undefined means today. */
  requestedAt: string | undefined;
}

function StatusText({ organisation }: { organisation: OrganisationDetail }) {
  switch (organisation.status) {
    case 'open':
      return organisation.openedOn ? <>Open since {formatDate(organisation.openedOn)}</> : <>Open</>;
    case 'closed':
      return organisation.closedOn ? <>Closed on {formatDate(organisation.closedOn)}</> : <>Closed</>;
    case 'not-yet-open':
      return organisation.openedOn ? <>Opens on {formatDate(organisation.openedOn)}</> : <>Not yet open</>;
  }
}

/** The key facts about an organisation on the date shown. */
export function OrganisationSummary({ organisation, requestedAt }: OrganisationSummaryProps) {
  const { ics, headquartersIcs, region } = organisation;
  const headquartersDiffer =
    ics !== null && headquartersIcs !== null && ics.odsCode !== headquartersIcs.odsCode;

  return (
    <>
      <SummaryList>
        <SummaryList.Row>
          <SummaryList.Key>ODS code</SummaryList.Key>
          <SummaryList.Value>{organisation.odsCode}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Type</SummaryList.Key>
          <SummaryList.Value>{trustTypeLabels[organisation.type]} trust</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Care settings</SummaryList.Key>
          <SummaryList.Value>
            <CareSettingTags settings={organisation.careSettings} />
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Status on {formatDate(organisation.at)}</SummaryList.Key>
          <SummaryList.Value>
            <StatusTag status={organisation.status} />
            <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
              <StatusText organisation={organisation} />
            </p>
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Integrated care system</SummaryList.Key>
          <SummaryList.Value>
            {ics ? (
              <Link to={icsPath(ics.odsCode, requestedAt)}>
                {readableName(ics.name)} ({ics.odsCode})
              </Link>
            ) : (
              'None on this date'
            )}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Region</SummaryList.Key>
          <SummaryList.Value>
            {region ? (
              <Link to={regionPath(region.odsCode, requestedAt)}>{region.name}</Link>
            ) : (
              'None on this date'
            )}
          </SummaryList.Value>
        </SummaryList.Row>
        {headquartersDiffer ? (
          <SummaryList.Row>
            <SummaryList.Key>Headquarters ICB</SummaryList.Key>
            <SummaryList.Value>
              <Link to={icsPath(headquartersIcs.odsCode, requestedAt)}>
                {readableName(headquartersIcs.name)} ({headquartersIcs.odsCode})
              </Link>
            </SummaryList.Value>
          </SummaryList.Row>
        ) : null}
        <SummaryList.Row>
          <SummaryList.Key>Headquarters postcode</SummaryList.Key>
          <SummaryList.Value>{organisation.hqPostcode ?? 'Not published'}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Opened</SummaryList.Key>
          <SummaryList.Value>
            {organisation.openedOn ? formatDate(organisation.openedOn) : 'Not published'}
          </SummaryList.Value>
        </SummaryList.Row>
        {organisation.closedOn ? (
          <SummaryList.Row>
            <SummaryList.Key>Closed</SummaryList.Key>
            <SummaryList.Value>{formatDate(organisation.closedOn)}</SummaryList.Value>
          </SummaryList.Row>
        ) : null}
        {organisation.typeGroup ? (
          <SummaryList.Row>
            <SummaryList.Key>NHS Staff Survey benchmarking group</SummaryList.Key>
            <SummaryList.Value>{organisation.typeGroup}</SummaryList.Value>
          </SummaryList.Row>
        ) : null}
      </SummaryList>
      {headquartersDiffer ? (
        <InsetText>
          <p>
            The national Digital Maturity Assessment counts this trust in {readableName(ics.name)}; its
            headquarters are in {readableName(headquartersIcs.name)}&apos;s area. This service uses the
            assessment ICS, {ics.odsCode}, when it compares organisations.
          </p>
        </InsetText>
      ) : null}
    </>
  );
}
