/** What each accepted file type is, and how its first bytes look (the name alone is not trusted). */
const TYPES: Record<string, { mediaType: string; signature: number[] }> = {
  pdf: { mediaType: 'application/pdf', signature: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    signature: [0x50, 0x4b, 0x03, 0x04],
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    signature: [0x50, 0x4b, 0x03, 0x04],
  },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    signature: [0x50, 0x4b, 0x03, 0x04],
  },
  png: { mediaType: 'image/png', signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  jpg: { mediaType: 'image/jpeg', signature: [0xff, 0xd8, 0xff] },
  jpeg: { mediaType: 'image/jpeg', signature: [0xff, 0xd8, 0xff] },
};

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * The media type of an upload when its extension is allowed and its content starts the way that
 * type does; null otherwise (a renamed executable is refused).
 */
export function recogniseFile(fileName: string, content: Buffer, allowed: readonly string[]): string | null {
  const extension = extensionOf(fileName);
  const type = TYPES[extension];
  if (!type || !allowed.includes(extension)) return null;
  const matches = type.signature.every((byte, i) => content[i] === byte);
  return matches ? type.mediaType : null;
}
