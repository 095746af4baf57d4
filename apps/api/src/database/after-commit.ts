import { Logger } from '@nestjs/common';
import {
  type EntityManager,
  type EntitySubscriberInterface,
  EventSubscriber,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

/** Actions waiting for their transaction to commit, by the query runner the transaction runs on. */
const pending = new WeakMap<QueryRunner, Array<() => void>>();

/**
 * Runs `action` once the transaction `manager` belongs to has committed (straight after COMMIT,
 * before the transaction's promise resolves), and never when it rolls back. Lets a module clear
 * what it keeps in memory after a write whose transaction its caller owns.
 */
export function afterCommit(manager: EntityManager, action: () => void): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('afterCommit: the manager is not in a transaction');
  const actions = pending.get(runner);
  if (actions) actions.push(action);
  else pending.set(runner, [action]);
}

/** Runs the `afterCommit` actions (listed in the data source's subscribers). */
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  private readonly logger = new Logger('AfterCommit');

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    // A savepoint released: the transaction itself goes on.
    if (queryRunner.isTransactionActive) return;
    const actions = pending.get(queryRunner) ?? [];
    pending.delete(queryRunner);
    for (const action of actions) {
      try {
        action();
      } catch (error) {
        // Committed already: a failed follow-up must not make the caller think the write failed.
        this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      }
    }
  }

  /** The whole transaction rolled back: nothing happened, so nothing follows. (A rollback to a
   * savepoint keeps them: running one needlessly is harmless, missing one is not.) */
  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) pending.delete(queryRunner);
  }
}
