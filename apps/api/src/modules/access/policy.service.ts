import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Action } from '@wgll/contracts';
import { DataSource } from 'typeorm';
import { ApiException } from '../../common/api-exception.filter.js';
import { isIsoDate } from '../../common/iso-date.js';
import { todayInLondon } from '../organisations/dated-period.js';
import { can, type Resource, type VisibleScope, visibleScope } from './policy.js';
import type { Principal } from './principal.js';

const VALID_ON = (alias: string): string =>
  `${alias}.valid_from <= $1 AND (${alias}.valid_to IS NULL OR ${alias}.valid_to >= $1)`;

/**
 * Decides `can(user, action, resource)` from the user's roles and the dated hierarchy: a resource is
 * placed in its ICS and region on the date being viewed, then the pure rule in policy.ts decides.
 */
@Injectable()
export class PolicyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The date a request views the hierarchy on: a valid `at`, otherwise today (UK). */
  static dateOf(at: unknown): string {
    return typeof at === 'string' && isIsoDate(at) ? at : todayInLondon();
  }

  /** Places a resource in the hierarchy on `at`; null when no such resource exists. */
  async resolve(type: 'organisation' | 'ics' | 'region', code: string, at: string): Promise<Resource | null> {
    const upper = code.trim().toUpperCase();
    if (type === 'organisation') {
      const [row] = await this.dataSource.query<{ ics: string | null; region: string | null }[]>(
        `SELECT m.ics_code AS ics, irm.region_code AS region
         FROM organisation o
         LEFT JOIN organisation_ics_membership m
           ON m.organisation_code = o.ods_code AND m.basis = 'assessment' AND ${VALID_ON('m')}
         LEFT JOIN ics_region_membership irm ON irm.ics_code = m.ics_code AND ${VALID_ON('irm')}
         WHERE o.ods_code = $2`,
        [at, upper],
      );
      return row ? { type, code: upper, ics: row.ics, region: row.region } : null;
    }
    if (type === 'ics') {
      const [row] = await this.dataSource.query<{ region: string | null }[]>(
        `SELECT irm.region_code AS region FROM ics i
         LEFT JOIN ics_region_membership irm ON irm.ics_code = i.ods_code AND ${VALID_ON('irm')}
         WHERE i.ods_code = $2`,
        [at, upper],
      );
      return row ? { type, code: upper, region: row.region } : null;
    }
    const [row] = await this.dataSource.query<unknown[]>('SELECT 1 FROM region WHERE ods_code = $1', [upper]);
    return row ? { type, code: upper } : null;
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
