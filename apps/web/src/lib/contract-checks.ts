import type {
  CareSetting as ContractCareSetting,
  MeasureId as ContractMeasureId,
  Role,
  RoleScopeTypes,
  ScopeType,
} from '@wgll/contracts';
import type { CareSetting, MeasureId } from '@wgll/framework';

/**
 * Compile-time checks, nothing at run time. libs/contracts is type-only and depends on nothing of
 * ours, so it spells out the measure ids and care settings that libs/framework declares as data
 * (MEASURE_IDS, CARE_SETTINGS). The web uses both libraries, so here a difference fails
 * `npm run typecheck`.
 */

/** True only when A and B are the same type (not merely assignable one way). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

export type ContractChecks = [
  Assert<Equals<ContractMeasureId, MeasureId>>,
  Assert<Equals<ContractCareSetting, CareSetting>>,
  // The roles-to-scopes table names every role, and only scopes there are.
  Assert<Equals<keyof RoleScopeTypes, Role>>,
  Assert<Equals<RoleScopeTypes[Role], ScopeType>>,
];
