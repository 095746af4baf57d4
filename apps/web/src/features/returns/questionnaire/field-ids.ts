/** Ids of a domain's parts on the page (domain ids use only lower-case letters, digits, dots and dashes). */
export function domainIds(domainId: string) {
  const base = `domain-${domainId}`;
  return {
    section: base,
    heading: `${base}-heading`,
    notApplicable: `${base}-not-applicable`,
    noneMet: `${base}-none-met`,
    comment: `${base}-comment`,
    confidence: `${base}-confidence`,
    evidence: `${base}-evidence`,
    levels: `${base}-levels`,
    conflict: `${base}-conflict`,
    errors: `${base}-errors`,
  };
}

/** The checkbox of an element (element ids are unique within a framework version). */
export const elementInputId = (elementId: string) => `element-${elementId}`;

export const evidenceInputId = (domainId: string, evidenceId: string) =>
  `domain-${domainId}-evidence-${evidenceId}`;
