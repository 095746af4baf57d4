import type { FrameworkDomain, FrameworkLevel } from '@wgll/framework';
import { SummaryList, Tag } from 'nhsuk-react-components';

import { CareSettingTags } from '../../../components/care-setting-tags';
import { LevelLadder } from './level-ladder';

interface FrameworkDomainItemProps {
  domain: FrameworkDomain;
  /** Organisation frameworks are tailored by care setting; system frameworks are not. */
  level: FrameworkLevel;
}

/** One domain: what good looks like, who answers it, and its level ladder. */
export function FrameworkDomainItem({ domain, level }: FrameworkDomainItemProps) {
  return (
    <li className="wgll-domain">
      <h3 id={`domain-${domain.id}`} className="nhsuk-heading-m">
        {domain.title}
      </h3>
      <SummaryList noBorder className="wgll-domain__facts">
        <SummaryList.Row>
          <SummaryList.Key>What good looks like</SummaryList.Key>
          <SummaryList.Value>{domain.whatGoodLooksLike}</SummaryList.Value>
        </SummaryList.Row>
        {level === 'organisation' ? (
          <SummaryList.Row>
            <SummaryList.Key>Care settings</SummaryList.Key>
            <SummaryList.Value>
              {domain.careSettings === 'all' ? (
                <Tag modifier="white">All care settings</Tag>
              ) : (
                <CareSettingTags settings={domain.careSettings} />
              )}
            </SummaryList.Value>
          </SummaryList.Row>
        ) : null}
        <SummaryList.Row>
          <SummaryList.Key>“Not applicable” allowed</SummaryList.Key>
          <SummaryList.Value>
            {domain.notApplicableAllowed
              ? 'Yes – a return can mark this domain “not applicable” where it does not apply'
              : 'No – every return must answer this domain'}
          </SummaryList.Value>
        </SummaryList.Row>
      </SummaryList>
      <LevelLadder domain={domain} />
    </li>
  );
}
