import type { ReturnDetail } from '@wgll/contracts';

import { ApiRequestError } from '../../lib/api-client';
import type { LinkedProblem } from './components/link-error-summary';
import { questionnairePath } from './return-labels';

/**
 * A 409 refusal that lists what is missing (RETURN_INCOMPLETE, RETURN_NOT_APPROVED): each domain at
 * fault (`domains.<id>`, its message naming it) linked to its question. Empty for other errors.
 */
export function missingProblems(error: unknown, detail: ReturnDetail, code: string): LinkedProblem[] {
  if (!(error instanceof ApiRequestError) || error.code !== code) return [];
  const problems = error.fieldErrors.flatMap((fieldError) => {
    const domainId = fieldError.field.startsWith('domains.') ? fieldError.field.slice('domains.'.length) : '';
    const measure = detail.scores.domains.find((item) => item.domainId === domainId)?.measure;
    return fieldError.messages.map((message) => ({
      key: `${fieldError.field}:${message}`,
      message,
      to: measure ? questionnairePath(detail.id, measure, domainId) : undefined,
    }));
  });
  return problems.length > 0 ? problems : [{ key: 'message', message: error.message }];
}

/** Any other 409 refusal (for example RETURN_STATE): the API's own message. */
export function conflictProblems(error: unknown): LinkedProblem[] {
  return error instanceof ApiRequestError && error.status === 409
    ? [{ key: 'message', message: error.message }]
    : [];
}
