/**
 * A file name as uploaded, safe to keep, to show and to send back in Content-Disposition: no folder,
 * no control characters or double quotes, at most 200 characters; `fallback` when nothing is left.
 */
export function safeFileName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && ch !== '"')
    .join('')
    .trim();
  return cleaned.slice(-200) || fallback;
}
