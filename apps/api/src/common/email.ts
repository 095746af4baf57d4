/** The one form of an email address that accounts, sign-in counts and device cookies use. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * class-transformer `@Transform` for email fields: normalised before validation, so length limits
 * apply to what is stored (lower-casing can lengthen text: "İ" becomes two characters).
 */
export const emailCase = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? normaliseEmail(value) : value;
