import { parseDraft, type AnswerDraft } from './answer-draft';

/** An unsaved edit kept on the device, with the version of the answer it was based on. */
export interface StoredDraft {
  draft: AnswerDraft;
  baseVersion: number;
}

/** Where unsaved edits are kept, so a reload or a crash does not lose them. `scope`: the user and the return. */
export interface DraftStorage {
  read(scope: string, domainId: string): StoredDraft | undefined;
  write(scope: string, domainId: string, value: StoredDraft): void;
  remove(scope: string, domainId: string): void;
}

const PREFIX = 'wgll.unsaved-answer';
const keyOf = (scope: string, domainId: string) => `${PREFIX}:${scope}:${domainId}`;

/** sessionStorage, which lasts as long as the tab (and survives a reload). Quietly does nothing when the browser refuses. */
export function sessionDraftStorage(storage: Storage | undefined = globalThis.sessionStorage): DraftStorage {
  return {
    read(scope, domainId) {
      try {
        const text = storage?.getItem(keyOf(scope, domainId));
        if (!text) return undefined;
        const value = JSON.parse(text) as { draft?: unknown; baseVersion?: unknown };
        const draft = parseDraft(value.draft);
        const baseVersion = value.baseVersion;
        if (!draft || typeof baseVersion !== 'number' || !Number.isInteger(baseVersion) || baseVersion < 0) {
          return undefined;
        }
        return { draft, baseVersion };
      } catch {
        return undefined;
      }
    },
    write(scope, domainId, value) {
      try {
        storage?.setItem(keyOf(scope, domainId), JSON.stringify(value));
      } catch {
        // Storage full or disabled: the edit is still held in memory and sent.
      }
    },
    remove(scope, domainId) {
      try {
        storage?.removeItem(keyOf(scope, domainId));
      } catch {
        // Nothing to do.
      }
    },
  };
}

/** Storage in memory, for tests. */
export function memoryDraftStorage(): DraftStorage & { values: Map<string, StoredDraft> } {
  const values = new Map<string, StoredDraft>();
  return {
    values,
    read: (scope, domainId) => values.get(keyOf(scope, domainId)),
    write: (scope, domainId, value) => void values.set(keyOf(scope, domainId), value),
    remove: (scope, domainId) => void values.delete(keyOf(scope, domainId)),
  };
}
