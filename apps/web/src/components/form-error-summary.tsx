import { ErrorSummary } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

import type { FormError } from '../lib/form-errors';

interface FormErrorSummaryProps {
  errors: FormError[];
  /** The summary's heading: "There is a problem" unless the problem needs saying otherwise. */
  title?: string;
  /** h2 for a page's or form's summary; h3 for one inside a section headed by an h2. */
  headingLevel?: 'h2' | 'h3';
  /**
   * Keeps it from taking focus when it appears: for summaries that can appear while someone is
   * typing (autosave). It is still announced, as an alert.
   */
  disableAutoFocus?: boolean;
  id?: string;
  /** Said after the list, for example what can be done about it. */
  children?: ReactNode;
}

/**
 * The NHS error summary for a form: each message links to its input (`id`), or to the page that
 * puts it right (`to`). It takes focus when it appears, so give it a new `key` on each submit to
 * announce a second attempt's errors too. Nothing is shown when there are no errors and no children.
 */
export function FormErrorSummary({
  errors,
  title = 'There is a problem',
  headingLevel = 'h2',
  disableAutoFocus = false,
  id,
  children,
}: FormErrorSummaryProps) {
  if (errors.length === 0 && !children) return null;
  return (
    <ErrorSummary id={id} disableAutoFocus={disableAutoFocus || undefined}>
      {headingLevel === 'h2' ? (
        <ErrorSummary.Title>{title}</ErrorSummary.Title>
      ) : (
        // The summary recognises its title by this class name.
        <h3 className="nhsuk-error-summary__title">{title}</h3>
      )}
      {errors.length > 0 ? (
        <ErrorSummary.List>
          {errors.map(({ id: inputId, to, message }) => (
            <li key={`${inputId ?? to ?? ''}:${message}`}>
              {to ? (
                <Link to={to}>{message}</Link>
              ) : inputId ? (
                <a href={`#${inputId}`}>{message}</a>
              ) : (
                <span className="wgll-error-text">{message}</span>
              )}
            </li>
          ))}
        </ErrorSummary.List>
      ) : null}
      {children}
    </ErrorSummary>
  );
}
