/** Half of a UTF-16 surrogate pair on its own: not a character, and refused by jsonb. */
const isLoneSurrogate = (ch: string): boolean =>
  ch.length === 1 && ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff;

/**
 * A file name as uploaded, safe to keep, to show and to send back in Content-Disposition: no folder,
 * no control characters, double quotes or broken characters, at most 200 characters (cut between
 * characters, never inside one); `fallback` when nothing is left.
 */
export function safeFileName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const kept = [...base].filter(
    (ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && ch !== '"' && !isLoneSurrogate(ch),
  );
  const cleaned = kept.join('').trim();
  return [...cleaned].slice(-200).join('') || fallback;
}
