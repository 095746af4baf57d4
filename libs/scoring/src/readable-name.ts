const keepUpper = new Set(['NHS', 'ICB', 'ICS', 'UK', 'GP', 'CIC', 'LLP', 'II', 'III']);
const keepLower = new Set(['and', 'of', 'for', 'the', 'in', 'on', 'upon', 'at', 'with', 'under']);

/**
 * ODS publishes names in capitals. This shows them in ordinary title case for reading (the web app
 * and the board pack alike), for example `GUY'S AND ST THOMAS' NHS FOUNDATION TRUST` → `Guy's and
 * St Thomas' NHS Foundation Trust`. Names already in mixed case are left alone.
 */
export function readableName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  let first = true;
  return name.replace(/[A-Z0-9'’&.]+(?:-[A-Z0-9'’&.]+)*/g, (word) => {
    const result = word
      .split('-')
      .map((part, index) => {
        if (keepUpper.has(part)) return part;
        const lower = part.toLowerCase();
        if ((!first || index > 0) && keepLower.has(lower)) return lower;
        return lower.charAt(0).toUpperCase() + lower.slice(1);
      })
      .join('-');
    first = false;
    return result;
  });
}
