import type { ReturnDetail } from '@wgll/contracts';

import { ApiRequestError } from '../../lib/api-client';
import type { FormError } from '../../lib/form-errors';
import { questionnairePath } from '../../lib/links';

/**
 * A 409 refusal that lists what is missing (RETURN_INCOMPLETE, RETURN_NOT_APPROVED): each domain at
 * fault (`domains.<id>`, its message naming it) linked to its question. Empty for other errors.
 */
export function missingProblems(error: unknown, detail: ReturnDetail, code: string): FormError[] {
  if (!(error instanceof ApiRequestError) || error.code !== code) return [];
  const problems = error.fieldErrors.flatMap((fieldError) => {
    const domainId = fieldError.field.startsWith('domains.') ? fieldError.field.slice('domains.'.length) : '';
    const measure = detail.scores.domains.find((item) => item.domainId === domainId)?.measure;
    return fieldError.messages.map((message) => ({
      id: undefined,
      message,
      to: measure ? questionnairePath(detail.id, measure, domainId) : undefined,
    }));
  });
  return problems.length > 0 ? problems : [{ id: undefined, message: error.message }];
}
