import type { FieldError } from '@wgll/contracts';

import type { FormError } from '../../../lib/form-errors';
import { domainIds, elementInputId } from './field-ids';

export interface DomainProblems {
  /** Every message, with the id of the input it is about, for the domain's error box. */
  list: FormError[];
  met?: string;
  notApplicable?: string;
  noneMet?: string;
  comment?: string;
  confidence?: string;
  evidence?: string;
}

type Part = 'met' | 'notApplicable' | 'noneMet' | 'comment' | 'confidence' | 'evidence';

const partOf: Record<string, Part> = {
  met: 'met',
  notApplicable: 'notApplicable',
  noneMet: 'noneMet',
  comment: 'comment',
  confidence: 'confidence',
  evidenceIds: 'evidence',
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Sorts the API's field messages onto the parts of a domain's answer. */
export function domainProblems(
  domainId: string,
  invalid: { message: string; fieldErrors: FieldError[] } | null,
  firstElementId: string | undefined,
): DomainProblems {
  const problems: DomainProblems = { list: [] };
  if (!invalid) return problems;
  const ids = domainIds(domainId);
  const inputOf: Record<Part, string | undefined> = {
    met: firstElementId ? elementInputId(firstElementId) : undefined,
    notApplicable: ids.notApplicable,
    noneMet: ids.noneMet,
    comment: ids.comment,
    confidence: ids.confidence,
    evidence: ids.evidence,
  };
  for (const fieldError of invalid.fieldErrors) {
    const field = fieldError.field.split('.')[0] ?? fieldError.field;
    const part = partOf[field];
    const message = fieldError.messages.map(capitalise).join('. ');
    if (part) problems[part] = problems[part] ? `${problems[part]}. ${message}` : message;
    problems.list.push({ id: part ? inputOf[part] : undefined, message });
  }
  if (problems.list.length === 0) problems.list.push({ id: undefined, message: invalid.message });
  return problems;
}
