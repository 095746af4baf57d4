/**
 * What the policy needs from the dated organisation hierarchy to place a resource. Access declares
 * it and depends on no domain module; organisations' HierarchyRepository implements it and
 * app.module binds the two (AccessModule.forRoot).
 */
export abstract class HierarchyLookup {
  /** An organisation's assessment ICS and that ICS's region on `at`; undefined when no such organisation. */
  abstract placeOrganisation(
    code: string,
    at: string,
  ): Promise<{ ics: string | null; region: string | null } | undefined>;
  /** An ICS's region on `at`; undefined when no such ICS. */
  abstract placeIcs(code: string, at: string): Promise<{ region: string | null } | undefined>;
  abstract regionExists(code: string): Promise<boolean>;
}
