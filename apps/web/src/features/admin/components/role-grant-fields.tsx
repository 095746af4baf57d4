import type { Role } from '@wgll/contracts';
import { Radios, TextInput } from 'nhsuk-react-components';

import { errorFor, type FormError } from '../../../lib/form-errors';
import {
  roleDescriptions,
  roleLabels,
  roles,
  roleScopeTypes,
  scopeCodeHint,
  scopeCodeMessage,
} from '../../../lib/roles';

export interface RoleGrantValue {
  role: Role | '';
  scopeCode: string;
}

/** Input ids: the first role radio is `<prefix>role` so error summaries can link to it. */
export function roleGrantIds(prefix: string) {
  return { role: `${prefix}role`, scopeCode: `${prefix}scopeCode` };
}

export function needsScope(role: Role | ''): boolean {
  return role !== '' && roleScopeTypes[role] !== 'national';
}

/** Checks a role and scope before they are sent; the API checks the code names the right kind of place. */
export function checkRoleGrant(value: RoleGrantValue, prefix: string): FormError[] {
  const ids = roleGrantIds(prefix);
  if (value.role === '') return [{ id: ids.role, message: 'Select a role' }];
  if (needsScope(value.role) && !value.scopeCode.trim()) {
    return [
      {
        id: ids.scopeCode,
        message: `Enter the ODS code for the ${roleLabels[value.role].toLowerCase()} role`,
      },
    ];
  }
  return [];
}

/**
 * The API's message for a scope code that names the wrong kind of place (or none) mentions the
 * role's id; this says what to enter instead, for the role that was sent.
 */
export function withScopeCodeAdvice(
  errors: FormError[],
  prefix: string,
  role: Role | undefined,
): FormError[] {
  const advice = role ? scopeCodeMessage(role) : undefined;
  if (!advice) return errors;
  const { scopeCode } = roleGrantIds(prefix);
  const result = errors.map((error) => (error.id === scopeCode ? { id: scopeCode, message: advice } : error));
  return result.filter(
    (error, index) =>
      result.findIndex((other) => other.id === error.id && other.message === error.message) === index,
  );
}

/** The request body: the ODS code in capitals, and none for a national role. */
export function toRoleGrantRequest(value: RoleGrantValue & { role: Role }) {
  return needsScope(value.role)
    ? { role: value.role, scopeCode: value.scopeCode.trim().toUpperCase() }
    : { role: value.role };
}

interface RoleGrantFieldsProps {
  prefix: string;
  legend: string;
  value: RoleGrantValue;
  errors: FormError[];
  onChange: (value: RoleGrantValue) => void;
}

/** A role (radios, each with what it allows) and, for every role but national, an ODS code. */
export function RoleGrantFields({ prefix, legend, value, errors, onChange }: RoleGrantFieldsProps) {
  const ids = roleGrantIds(prefix);
  return (
    <>
      <Radios name={ids.role} legend={legend} legendProps={{ size: 's' }} error={errorFor(errors, ids.role)}>
        {roles.map((role, index) => (
          <Radios.Item
            key={role}
            id={index === 0 ? ids.role : `${ids.role}-${role}`}
            value={role}
            hint={roleDescriptions[role]}
            checked={value.role === role}
            onChange={() => onChange({ ...value, role })}
          >
            {roleLabels[role]}
          </Radios.Item>
        ))}
      </Radios>
      {needsScope(value.role) || value.role === '' ? (
        <TextInput
          id={ids.scopeCode}
          name={ids.scopeCode}
          label="ODS code"
          labelProps={{ size: 's' }}
          hint={scopeCodeHint(value.role)}
          width={5}
          autoComplete="off"
          spellCheck={false}
          value={value.scopeCode}
          error={errorFor(errors, ids.scopeCode)}
          onChange={(event) => onChange({ ...value, scopeCode: event.target.value })}
        />
      ) : null}
    </>
  );
}
