import { HttpStatus, Injectable } from '@nestjs/common';
import type { Action } from '@wgll/contracts';
import { isUUID } from 'class-validator';
import { ApiException } from '../../common/api-exception.js';
import { isIsoDate, todayInLondon } from '../../common/iso-date.js';
import type { ResourceParam } from './access.decorators.js';
import { HierarchyLookup } from './hierarchy-lookup.js';
import { can, type Resource, type VisibleScope, visibleScope } from './policy.js';
import type { Principal } from './principal.js';

/**
 * Decides `can(user, action, resource)` from the user's roles and the dated hierarchy: a resource is
 * placed in its ICS and region on the date being viewed, then the pure rule in policy.ts decides.
 */
/** Where a record lives: the organisation or ICS it belongs to, and the date to place it on. */
export interface Located {
  type: 'organisation' | 'ics';
  code: string;
  at: string;
}
export type Locator = (id: string) => Promise<Located | null>;
/** The reference date of a cycle (the one a route shows by default when `id` is undefined). */
export type CycleDateOf = (kind: 'results' | 'completion', id: string | undefined) => Promise<string>;

@Injectable()
export class PolicyService {
  private readonly locators = new Map<string, Locator>();
  private cycleDateOf: CycleDateOf | undefined;

  constructor(private readonly hierarchy: HierarchyLookup) {}

  /** Lets a domain module place its records (e.g. returns) for `@Allow` without access depending on it. */
  registerLocator(type: 'return', locator: Locator): void {
    this.locators.set(type, locator);
  }

  /** Lets the results module say which cycle a request is about, for `cycleDate` routes. */
  registerCycleDate(dateOf: CycleDateOf): void {
    this.cycleDateOf = dateOf;
  }

  /**
   * The reference date of the cycle a `cycleDate` route shows (`cycle`: the request's `?cycle=`);
   * undefined when `cycle` is not a cycle id, which validation then refuses.
   */
  async cycleDate(kind: 'results' | 'completion', cycle: unknown): Promise<string | undefined> {
    if (!this.cycleDateOf) throw new Error('No cycle dates registered (ResultsModule registers them)');
    if (cycle !== undefined && !(typeof cycle === 'string' && isUUID(cycle))) return undefined;
    return this.cycleDateOf(kind, cycle);
  }

  /** The date a request views the hierarchy on: a valid `at`, otherwise today (UK). */
  static dateOf(at: unknown): string {
    return typeof at === 'string' && isIsoDate(at) ? at : todayInLondon();
  }

  /**
   * Places a resource in the hierarchy on `at`; null when no such resource exists, and for a return
   * when its organisation or ICB is missing from the hierarchy (the guard says not found, never 500).
   */
  async resolve(type: ResourceParam['type'], code: string, at: string): Promise<Resource | null> {
    if (type === 'return') {
      const located = await this.locators.get(type)?.(code);
      return located ? this.resolve(located.type, located.code, located.at) : null;
    }
    const upper = typeof code === 'string' ? code.trim().toUpperCase() : '';
    if (!upper) return null;
    if (type === 'organisation') {
      const place = await this.hierarchy.placeOrganisation(upper, at);
      return place ? { type, code: upper, ...place } : null;
    }
    if (type === 'ics') {
      const place = await this.hierarchy.placeIcs(upper, at);
      return place ? { type, code: upper, ...place } : null;
    }
    return (await this.hierarchy.regionExists(upper)) ? { type, code: upper } : null;
  }

  /**
   * These returns placed as the guard places them (each trust or ICB once per date), by id; ids of
   * no return are left out. For checking several people against the same returns.
   */
  async placeReturns(returnIds: Iterable<string>): Promise<Map<string, Resource>> {
    const placed = new Map<string, Resource>();
    const places = new Map<string, Promise<Resource | null>>();
    for (const id of new Set(returnIds)) {
      const located = await this.locators.get('return')?.(id);
      if (!located) continue;
      const key = `${located.type}|${located.code}|${located.at}`;
      if (!places.has(key)) places.set(key, this.resolve(located.type, located.code, located.at));
      const resource = await places.get(key)!;
      if (resource) placed.set(id, resource);
    }
    return placed;
  }

  /**
   * Of these returns, those someone holding `grants` may view (a role taken away takes its returns
   * with it); ids of no return are left out. `placed` (from placeReturns) saves placing them again.
   */
  async visibleReturnIds(
    who: Pick<Principal, 'grants'>,
    returnIds: Iterable<string>,
    placed?: ReadonlyMap<string, Resource>,
  ): Promise<Set<string>> {
    const ids = [...returnIds];
    if (who.grants.length === 0) return new Set();
    const places = placed ?? (await this.placeReturns(ids));
    return new Set(
      ids.filter((id) => {
        const resource = places.get(id);
        return resource !== undefined && can(who.grants, 'return:view', resource);
      }),
    );
  }

  can(user: Principal, action: Action, resource: Resource): boolean {
    return can(user.grants, action, resource);
  }

  /** Throws 403 FORBIDDEN unless allowed. A resource that does not exist is treated as out of scope. */
  assert(user: Principal, action: Action, resource: Resource | null): void {
    const allowed = resource
      ? this.can(user, action, resource)
      : user.grants.some((g) => g.role === 'national-administrator');
    if (!allowed) throw forbidden();
  }

  visibleScope(user: Principal, action: Action): VisibleScope {
    return visibleScope(user.grants, action);
  }
}

export function forbidden(): ApiException {
  return new ApiException(
    HttpStatus.FORBIDDEN,
    'FORBIDDEN',
    'You do not have permission to do this. Ask your administrator if you think you should.',
  );
}
