import type { MyAssignment } from '@wgll/contracts';
import { InsetText } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { ReturnStateTag } from '../../../components/return-state-tag';
import { useDocumentTitle } from '../../../components/use-document-title';
import { useMyAssignments } from '../../../lib/api/my-assignments-api';
import { dueWording, formatDate } from '../../../lib/dates';
import { pluralise } from '../../../lib/format';
import { questionnairePath, returnPath } from '../../../lib/links';
import { useReturnFramework } from '../api/returns-api';
import { MyPlanActions } from '../components/my-plan-actions';
import { returnTitle } from '../return-labels';

function AssignmentItem({ item, index }: { item: MyAssignment; index: number }) {
  const headingId = `assignment-${index}`;
  // A domain assignment names no measure: the framework says which measure each domain is in.
  const framework = useReturnFramework(item.assignment.measure ? undefined : item.return);
  const measureOf = (domainId: string) =>
    item.assignment.measure ?? framework.data?.domains.find((domain) => domain.id === domainId)?.measure;
  return (
    <section aria-labelledby={headingId} className="wgll-domain">
      <h2 id={headingId} className="nhsuk-heading-m">
        <span className="nhsuk-caption-m">{returnTitle(item.return)}</span>
        {item.title}
      </h2>
      <p>
        <ReturnStateTag state={item.return.state} /> {item.answered} of {pluralise(item.total, 'domain')}{' '}
        answered.{' '}
        {item.assignment.dueDate
          ? `Due by ${formatDate(item.assignment.dueDate)} (${dueWording(item.assignment.dueDate)}). `
          : null}
        <Link to={returnPath(item.return.id)}>
          Go to the return<span className="nhsuk-u-visually-hidden">: {returnTitle(item.return)}</span>
        </Link>
      </p>
      {item.remaining.length === 0 ? (
        <p>Every domain of this assignment is answered.</p>
      ) : (
        <>
          <h3 className="nhsuk-heading-s">Still to answer or confirm</h3>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {item.remaining.map((domain) => {
              const measure = measureOf(domain.domainId);
              return (
                <li key={domain.domainId}>
                  {measure ? (
                    <Link to={questionnairePath(item.return.id, measure, domain.domainId)}>
                      {domain.title}
                    </Link>
                  ) : (
                    domain.title
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

/** /assignments: the measures and domains given to the signed-in user, with what is left to answer. */
export function MyAssignmentsPage() {
  useDocumentTitle('Your assignments');
  const query = useMyAssignments();

  return (
    <>
      <h1>Your assignments</h1>
      <p>The success measures and domains a trust lead or ICS lead has asked you to answer.</p>
      {query.isPending ? <LoadingMessage>Loading your assignments…</LoadingMessage> : null}
      {query.isError ? <ApiErrorSummary error={query.error} /> : null}
      {query.data && query.data.items.length === 0 ? (
        <InsetText>
          <p>You have no assignments at the moment.</p>
          <p>
            When a lead gives you a measure or a domain to answer, it appears here with links to its
            questions.
          </p>
        </InsetText>
      ) : null}
      {query.data ? <MyPlanActions items={query.data.items} /> : null}
      {query.data?.items.map((item, index) => (
        <AssignmentItem key={item.assignment.id} item={item} index={index} />
      ))}
    </>
  );
}
