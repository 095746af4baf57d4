import type { FrameworkDomain, FrameworkLevel, FrameworkMeasure } from '@wgll/framework';

import { pluralise } from '../../../lib/format';
import { FrameworkDomainItem } from './framework-domain';

export const measureAnchor = (measure: FrameworkMeasure) => `measure-${measure.id}`;

interface MeasureSectionProps {
  measure: FrameworkMeasure;
  domains: FrameworkDomain[];
  level: FrameworkLevel;
  /** How the domains are narrowed, for the empty message: "the ambulance care setting". */
  filterDescription: string | undefined;
}

/** One of the 7 success measures and its domains. */
export function MeasureSection({ measure, domains, level, filterDescription }: MeasureSectionProps) {
  const headingId = measureAnchor(measure);
  return (
    <section aria-labelledby={headingId} className="wgll-measure">
      <h2 id={headingId} tabIndex={-1} className="wgll-focus-target">
        <span className="nhsuk-caption-m">Success measure</span>
        {measure.name}
      </h2>
      {domains.length === 0 ? (
        <p>No domains in this measure apply to {filterDescription ?? 'this framework'}.</p>
      ) : (
        <>
          <p>
            {pluralise(domains.length, 'domain')}
            {filterDescription ? ` for ${filterDescription}` : ''}.
          </p>
          <ul className="wgll-domain-list">
            {domains.map((domain) => (
              <FrameworkDomainItem key={domain.id} domain={domain} level={level} />
            ))}
          </ul>
        </>
      )}
      <p className="nhsuk-body-s">
        <a href="#contents">Back to contents</a>
      </p>
    </section>
  );
}
