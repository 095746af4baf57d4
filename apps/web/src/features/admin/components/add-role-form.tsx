import type { RoleGrantRequest } from '@wgll/contracts';
import { Button } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { ApiRequestError } from '../../../lib/api-client';
import { apiFieldErrors, isFormProblem, type FormError } from '../../../lib/form-errors';
import { roleLabels } from '../../../lib/roles';
import { useGrantRole } from '../api/users-api';
import {
  checkRoleGrant,
  RoleGrantFields,
  roleGrantIds,
  toRoleGrantRequest,
  withScopeCodeAdvice,
  type RoleGrantValue,
} from './role-grant-fields';

const prefix = 'add-';
const ids = roleGrantIds(prefix);

function grantErrors(error: unknown, sent: RoleGrantRequest | undefined): FormError[] {
  if (error instanceof ApiRequestError && error.code === 'ROLE_EXISTS') {
    return [{ id: ids.role, message: 'They already have this role for this place' }];
  }
  const errors = apiFieldErrors(error, { role: ids.role, scopeCode: ids.scopeCode });
  return withScopeCodeAdvice(errors, prefix, sent?.role);
}

interface AddRoleFormProps {
  userId: string;
  onDone: (message: string) => void;
  onErrorsChange: (hasErrors: boolean) => void;
}

/** Gives the user another role. */
export function AddRoleForm({ userId, onDone, onErrorsChange }: AddRoleFormProps) {
  const grantRole = useGrantRole(userId);
  const [grant, setGrant] = useState<RoleGrantValue>({ role: '', scopeCode: '' });
  const [checkErrors, setCheckErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const errors = checkErrors.length > 0 ? checkErrors : grantErrors(grantRole.error, grantRole.variables);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkRoleGrant(grant, prefix);
    setCheckErrors(found);
    setAttempt((value) => value + 1);
    onErrorsChange(found.length > 0);
    if (found.length > 0 || grant.role === '') return;
    const request = toRoleGrantRequest({ ...grant, role: grant.role });
    grantRole.mutate(request, {
      onSuccess: () => {
        setGrant({ role: '', scopeCode: '' });
        onErrorsChange(false);
        onDone(
          `Added the role: ${roleLabels[request.role]}${request.scopeCode ? ` for ${request.scopeCode}` : ''}`,
        );
      },
      onError: (error) => onErrorsChange(isFormProblem(error, ['ROLE_EXISTS'])),
    });
  }

  return (
    <>
      {grantRole.isError && !isFormProblem(grantRole.error, ['ROLE_EXISTS']) ? (
        <ApiErrorSummary key={attempt} error={grantRole.error} />
      ) : null}
      <FormErrorSummary key={attempt} errors={errors} />
      <form method="post" noValidate onSubmit={handleSubmit}>
        <RoleGrantFields
          prefix={prefix}
          legend="Role to add"
          value={grant}
          errors={errors}
          onChange={setGrant}
        />
        <Button type="submit" secondary disabled={grantRole.isPending}>
          Add role
        </Button>
      </form>
    </>
  );
}
