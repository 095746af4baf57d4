import { ErrorSummary } from 'nhsuk-react-components';

import type { FormError } from '../lib/form-errors';

interface FormErrorSummaryProps {
  errors: FormError[];
}

/**
 * The NHS error summary for a form: each message links to its input. It takes focus when it
 * appears, so give it a new `key` on each submit to announce a second attempt's errors too.
 */
export function FormErrorSummary({ errors }: FormErrorSummaryProps) {
  if (errors.length === 0) return null;
  return (
    <ErrorSummary>
      <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
      <ErrorSummary.List>
        {errors.map(({ id, message }) => (
          <li key={`${id ?? ''}:${message}`}>
            {id ? <a href={`#${id}`}>{message}</a> : <span className="wgll-error-text">{message}</span>}
          </li>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
