import { describe, expect, it, jest } from '@jest/globals';
import type { Repository } from 'typeorm';
import type { AuditChainService } from './audit-chain.service.js';
import type { AuditEventEntity } from './audit-event.entity.js';
import { AuditService } from './audit.service.js';

describe('AuditService.insertSql', () => {
  it('asks the chainer to link the row it is about to insert (answer saves write their own SQL)', () => {
    const schedule = jest.fn();
    const audit = new AuditService(
      {} as Repository<AuditEventEntity>,
      { schedule } as unknown as AuditChainService,
    );
    const { sql, params } = audit.insertSql(
      { action: 'return.answer-saved', actor: { id: null, email: 'jo@nhs.net' }, details: { version: 2 } },
      'saved',
      13,
    );
    expect(sql).toMatch(/^INSERT INTO audit_event .* SELECT \$13::varchar, .* FROM saved$/s);
    expect(params).toHaveLength(9);
    expect(schedule).toHaveBeenCalledTimes(1);
  });
});
