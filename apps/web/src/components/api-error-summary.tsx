import { ApiRequestError } from '../lib/api-client';
import { apiFieldErrors } from '../lib/form-errors';
import { FormErrorSummary } from './form-error-summary';

interface ApiErrorSummaryProps {
  error: unknown;
  /** Maps an API field name (for example `at`) to the id of the input on this page. */
  fieldIds?: Record<string, string>;
}

/**
 * Shows why a request failed. A 400 lists each field message, linked to its input where the page
 * has one; a 403 says the user's roles do not allow it; anything else gets the standard "problem
 * with the service" message.
 */
export function ApiErrorSummary({ error, fieldIds = {} }: ApiErrorSummaryProps) {
  if (error instanceof ApiRequestError && error.isValidationError) {
    return <FormErrorSummary errors={apiFieldErrors(error, fieldIds)} />;
  }

  if (error instanceof ApiRequestError && error.isForbidden) {
    return (
      <div className="nhsuk-error-summary" role="alert" aria-labelledby="forbidden-error-title">
        <h2 className="nhsuk-error-summary__title" id="forbidden-error-title">
          You do not have permission to see this
        </h2>
        <div className="nhsuk-error-summary__body">
          <p>
            If you need to, ask your organisation&apos;s administrator or the national administrator to give
            you the right role.
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="nhsuk-error-summary" role="alert" aria-labelledby="service-error-title">
      <h2 className="nhsuk-error-summary__title" id="service-error-title">
        Sorry, there is a problem with the service
      </h2>
      <div className="nhsuk-error-summary__body">
        <p>
          {error instanceof ApiRequestError && error.code === 'NETWORK_ERROR'
            ? 'The service could not be reached. Check your connection and try again.'
            : 'Try again later.'}
        </p>
      </div>
    </div>
  );
}
