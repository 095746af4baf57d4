import type { AnswerTarget } from './answers.repository.js';
import type { DomainAnswerEntity } from './entities/domain-answer.entity.js';

/** A return with its cycle and one answer, as the last save of that answer on this process left them. */
export type RememberedTarget = AnswerTarget & { current: DomainAnswerEntity };

/**
 * The answers this API process saved last, with their return and cycle as read then, so that the
 * next autosave of the same answer (the usual case: one person typing) need not read them again.
 * Only a hint: a save that uses it writes only if the database still holds exactly what is
 * remembered (AnswersRepository.write with `asRead`), so another process or an older entry can cost
 * a retry, never a wrong write. Bounded: the oldest entries go first.
 */
export class AnswerMemory {
  private readonly entries = new Map<string, RememberedTarget>();

  constructor(private readonly capacity = 5000) {}

  get(returnId: string, domainId: string): RememberedTarget | undefined {
    return this.entries.get(key(returnId, domainId));
  }

  remember(target: RememberedTarget): void {
    const k = key(target.ret.id, target.current.domainId);
    this.entries.delete(k);
    this.entries.set(k, target);
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }

  forget(returnId: string, domainId: string): void {
    this.entries.delete(key(returnId, domainId));
  }
}

function key(returnId: string, domainId: string): string {
  return `${returnId} ${domainId}`;
}
