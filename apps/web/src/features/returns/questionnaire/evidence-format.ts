import type { Evidence, EvidenceRules } from '@wgll/contracts';

/** `820 bytes`, `14 KB`, `3.2 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`;
}

/** The first 12 characters of a SHA-256, enough to tell files apart by eye. */
const shortHash = (sha256: string) => sha256.slice(0, 12);

/** A file's details: `minutes.pdf, 1.2 MB, SHA-256 3f2a9c1b04de…`. */
export function describeEvidence(evidence: Evidence): string {
  if (evidence.kind === 'link') return `Link: ${evidence.url ?? ''}`;
  const parts = [evidence.fileName ?? 'File'];
  if (evidence.sizeBytes !== null) parts.push(formatBytes(evidence.sizeBytes));
  if (evidence.sha256) parts.push(`SHA-256 ${shortHash(evidence.sha256)}…`);
  return `File: ${parts.join(', ')}`;
}

/** Only ordinary web addresses become links (never `javascript:` and the like). */
export function safeHref(url: string | null): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** `PDF, DOCX or XLSX`. */
export function listExtensions(rules: EvidenceRules): string {
  const names = rules.extensions.map((extension) => extension.toUpperCase());
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** What is wrong with a file before it is sent, if anything. */
export function checkFile(file: File | undefined, rules: EvidenceRules | undefined): string | undefined {
  if (!file) return 'Select a file to upload';
  if (file.size === 0) return 'The selected file is empty';
  if (!rules) return undefined;
  const extension = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
  if (!rules.extensions.includes(extension))
    return `The selected file must be a ${listExtensions(rules)} file`;
  if (file.size > rules.maxFileBytes)
    return `The selected file must be smaller than ${formatBytes(rules.maxFileBytes)}`;
  return undefined;
}
