import { ApiRequestError } from '../../../lib/api-client';

/** An inline error message for an input (nothing when there is none). */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {message}
    </p>
  );
}

/** A failure that is not about what was entered. */
export function ServiceProblem({ error }: { error: unknown }) {
  const message =
    error instanceof ApiRequestError && error.code === 'NETWORK_ERROR'
      ? 'The service could not be reached. Check your connection and try again.'
      : error instanceof ApiRequestError && (error.status === 403 || error.status === 409)
        ? error.message
        : 'Sorry, there is a problem with the service. Try again later.';
  return (
    <p className="nhsuk-error-message" role="alert">
      <span className="nhsuk-u-visually-hidden">Error:</span> {message}
    </p>
  );
}
