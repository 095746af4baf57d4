import { ErrorSummary } from 'nhsuk-react-components';
import { Link } from 'react-router';

export interface LinkedProblem {
  key: string;
  message: string;
  /** Where the problem can be put right (another page), if anywhere. */
  to?: string;
}

/**
 * The NHS error summary for problems found on other pages, each linked to the page that puts it
 * right. It takes focus when it appears: give it a new `key` on each attempt.
 */
export function LinkErrorSummary({ title, problems }: { title: string; problems: LinkedProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ErrorSummary>
      <ErrorSummary.Title>{title}</ErrorSummary.Title>
      <ErrorSummary.List>
        {problems.map((problem) => (
          <li key={problem.key}>
            {problem.to ? (
              <Link to={problem.to}>{problem.message}</Link>
            ) : (
              <span className="wgll-error-text">{problem.message}</span>
            )}
          </li>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
