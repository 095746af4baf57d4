import type { FrameworkDomain } from '@wgll/framework';
import { Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { questionnairePath, returnPath } from '../../../lib/links';
import type { DomainSaveView } from './autosave-snapshot';
import { domainIds } from './field-ids';
import { domainStateLabel } from './live-score';

function DomainStateTag({ label }: { label: string }) {
  const modifier = label === 'To confirm' ? 'yellow' : label === 'Not answered' ? 'grey' : 'blue';
  return <Tag modifier={modifier}>{label}</Tag>;
}

/** Where a link to a domain goes: its place on the measure's page, or its own page when one is shown. */
function domainHref(returnId: string, domain: FrameworkDomain, focused: boolean): string {
  return focused
    ? questionnairePath(returnId, domain.measure, domain.id)
    : `#${domainIds(domain.id).heading}`;
}

interface DomainJumpListProps {
  returnId: string;
  domains: readonly FrameworkDomain[];
  views: ReadonlyMap<string, DomainSaveView>;
  /** One domain shown on its own (?domain=): links open the others the same way. */
  focused: boolean;
  currentId: string | undefined;
}

/** The measure's domains to jump to, each with its state (not answered, level n, to confirm). */
export function DomainJumpList({ returnId, domains, views, focused, currentId }: DomainJumpListProps) {
  if (domains.length < 2) return null;
  return (
    <nav className="wgll-domain-nav" aria-labelledby="domain-nav-heading">
      <h2 id="domain-nav-heading" className="nhsuk-heading-s nhsuk-u-margin-bottom-2">
        Domains in this measure
      </h2>
      <ol className="wgll-domain-nav__list">
        {domains.map((domain) => {
          const label = domainStateLabel(domain, views.get(domain.id));
          const current = domain.id === currentId;
          return (
            <li key={domain.id} className="wgll-domain-nav__item">
              {current ? (
                <span className="wgll-domain-nav__current" aria-current="page">
                  {domain.title}
                </span>
              ) : focused ? (
                <Link to={domainHref(returnId, domain, true)}>{domain.title}</Link>
              ) : (
                <a href={domainHref(returnId, domain, false)}>{domain.title}</a>
              )}{' '}
              <DomainStateTag label={label} />
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

interface NextDomainProps {
  returnId: string;
  next: FrameworkDomain | undefined;
  focused: boolean;
}

/** At the end of each domain: the next one, and after the last, back to the return's overview. */
export function NextDomain({ returnId, next, focused }: NextDomainProps) {
  return (
    <p className="wgll-next-domain">
      {!next ? (
        <Link className="nhsuk-link" to={returnPath(returnId)}>
          Back to the return overview
        </Link>
      ) : focused ? (
        <Link className="nhsuk-link" to={domainHref(returnId, next, true)}>
          Next domain: {next.title}
        </Link>
      ) : (
        <a className="nhsuk-link" href={domainHref(returnId, next, false)}>
          Next domain: {next.title}
        </a>
      )}
    </p>
  );
}
