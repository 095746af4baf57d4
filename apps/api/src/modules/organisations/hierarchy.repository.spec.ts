import { describe, expect, it, jest } from '@jest/globals';
import type { DataSource, EntityManager } from 'typeorm';
import { HierarchyRepository } from './hierarchy.repository.js';

/** A repository over a stand-in database that counts its queries and answers one placement. */
function repositoryWithCounter() {
  const query = jest.fn(() => Promise.resolve([{ ics: 'QKK', region: 'Y56' }]));
  const manager = { query } as unknown as EntityManager;
  const repository = new HierarchyRepository({ manager } as unknown as DataSource);
  return { repository, query, manager };
}

describe('placeOrganisation', () => {
  it('reads a placement once, then answers from memory for the same organisation and date', async () => {
    const { repository, query } = repositoryWithCounter();
    expect(await repository.placeOrganisation('RJ1', '2026-12-04')).toEqual({ ics: 'QKK', region: 'Y56' });
    expect(await repository.placeOrganisation('RJ1', '2026-12-04')).toEqual({ ics: 'QKK', region: 'Y56' });
    expect(query).toHaveBeenCalledTimes(1);
    await repository.placeOrganisation('RJ1', '2025-04-01');
    await repository.placeOrganisation('RJ2', '2026-12-04');
    expect(query).toHaveBeenCalledTimes(3);
  });

  it('reads again once the kept answer is a minute old', async () => {
    const { repository, query } = repositoryWithCounter();
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    try {
      await repository.placeOrganisation('RJ1', '2026-12-04');
      now.mockReturnValue(1_000_000 + 59_000);
      await repository.placeOrganisation('RJ1', '2026-12-04');
      expect(query).toHaveBeenCalledTimes(1);
      now.mockReturnValue(1_000_000 + 61_000);
      await repository.placeOrganisation('RJ1', '2026-12-04');
      expect(query).toHaveBeenCalledTimes(2);
    } finally {
      now.mockRestore();
    }
  });

  it('does not keep "no such organisation", so made-up codes cannot fill it', async () => {
    const query = jest.fn(() => Promise.resolve([]));
    const repository = new HierarchyRepository({ manager: { query } } as unknown as DataSource);
    expect(await repository.placeOrganisation('XXX', '2026-12-04')).toBeUndefined();
    expect(await repository.placeOrganisation('XXX', '2026-12-04')).toBeUndefined();
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('always reads inside a transaction, through its manager', async () => {
    const { repository, query, manager } = repositoryWithCounter();
    await repository.placeOrganisation('RJ1', '2026-12-04', manager);
    await repository.placeOrganisation('RJ1', '2026-12-04', manager);
    expect(query).toHaveBeenCalledTimes(2);
  });
});
