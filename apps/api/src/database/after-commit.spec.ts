import { describe, expect, it, jest } from '@jest/globals';
import type { EntityManager, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { afterCommit, AfterCommitSubscriber } from './after-commit.js';

/** A transaction's query runner and manager, as TypeORM's commit and rollback leave them. */
function transaction() {
  const queryRunner = { isTransactionActive: true } as { isTransactionActive: boolean };
  const manager = { queryRunner } as unknown as EntityManager;
  const subscriber = new AfterCommitSubscriber();
  const event = { queryRunner } as unknown as TransactionCommitEvent & TransactionRollbackEvent;
  return {
    manager,
    savepoint: (outcome: 'commit' | 'rollback') =>
      outcome === 'commit'
        ? subscriber.afterTransactionCommit(event)
        : subscriber.afterTransactionRollback(event),
    end: (outcome: 'commit' | 'rollback') => {
      queryRunner.isTransactionActive = false;
      if (outcome === 'commit') subscriber.afterTransactionCommit(event);
      else subscriber.afterTransactionRollback(event);
    },
  };
}

describe('afterCommit', () => {
  it('runs once the whole transaction commits, not when a savepoint is released', () => {
    const tx = transaction();
    const action = jest.fn();
    afterCommit(tx.manager, action);
    tx.savepoint('commit');
    expect(action).not.toHaveBeenCalled();
    tx.end('commit');
    expect(action).toHaveBeenCalledTimes(1);
    tx.end('commit');
    expect(action).toHaveBeenCalledTimes(1);
  });

  it('never runs when the transaction rolls back', () => {
    const tx = transaction();
    const action = jest.fn();
    afterCommit(tx.manager, action);
    tx.end('rollback');
    tx.end('commit');
    expect(action).not.toHaveBeenCalled();
  });

  it('runs the others when one fails', () => {
    const tx = transaction();
    const second = jest.fn();
    afterCommit(tx.manager, () => {
      throw new Error('boom');
    });
    afterCommit(tx.manager, second);
    expect(() => tx.end('commit')).not.toThrow();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('refuses a manager outside a transaction', () => {
    expect(() => afterCommit({ queryRunner: undefined } as unknown as EntityManager, () => {})).toThrow(
      /not in a transaction/,
    );
  });
});
