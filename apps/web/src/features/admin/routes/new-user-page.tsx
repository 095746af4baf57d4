import type { CreateUserRequest, CreateUserResult } from '@wgll/contracts';
import { BackLink, Button, TextInput } from 'nhsuk-react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import {
  apiFieldErrors,
  errorFor,
  isFormProblem,
  looksLikeEmail,
  type FormError,
} from '../../../lib/form-errors';
import { userPath } from '../../../lib/links';
import { useCreateUser } from '../api/users-api';
import { InvitationLinkDetails } from '../components/invitation-link-details';
import {
  checkRoleGrant,
  RoleGrantFields,
  roleGrantIds,
  toRoleGrantRequest,
  withScopeCodeAdvice,
  type RoleGrantValue,
} from '../components/role-grant-fields';

const roleIds = roleGrantIds('');

function checkForm(email: string, displayName: string, grant: RoleGrantValue): FormError[] {
  const errors: FormError[] = [];
  if (!email) errors.push({ id: 'email', message: 'Enter their email address' });
  else if (!looksLikeEmail(email))
    errors.push({
      id: 'email',
      message: 'Enter an email address in the correct format, like name@example.com',
    });
  if (!displayName) errors.push({ id: 'displayName', message: 'Enter their full name' });
  errors.push(...checkRoleGrant(grant, ''));
  return errors;
}

function createErrors(error: unknown, sent: CreateUserRequest | undefined): FormError[] {
  if (error instanceof ApiRequestError && error.code === 'USER_EXISTS') {
    return [{ id: 'email', message: 'There is already a user with this email address' }];
  }
  const errors = apiFieldErrors(error, {
    email: 'email',
    displayName: 'displayName',
    roles: roleIds.role,
    'roles.0.role': roleIds.role,
    'roles.0.scopeCode': roleIds.scopeCode,
  });
  return withScopeCodeAdvice(errors, '', sent?.roles[0]?.role);
}

function InvitationCreated({ result, onAnother }: { result: CreateUserResult; onAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      <div className="nhsuk-panel">
        <h1 className="nhsuk-panel__title wgll-focus-target" ref={heading} tabIndex={-1}>
          Invitation created
        </h1>
        <div className="nhsuk-panel__body">
          {result.user.displayName} has an account. It becomes active when they set a password.
        </div>
      </div>
      <h2>Send them the invitation link</h2>
      <InvitationLinkDetails link={result.invitation} email={result.user.email} />
      <ul className="nhsuk-list">
        <li>
          <Link to={userPath(result.user.id)}>See {result.user.displayName}&apos;s account</Link>
        </li>
        <li>
          <Button type="button" secondary onClick={onAnother}>
            Invite another user
          </Button>
        </li>
        <li>
          <Link to="/admin/users">Go back to users</Link>
        </li>
      </ul>
    </>
  );
}

/** /admin/users/new: an account with one role, and the invitation link to send (shown once). */
export function NewUserPage() {
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [grant, setGrant] = useState<RoleGrantValue>({ role: '', scopeCode: '' });
  const [checkErrors, setCheckErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);

  const errors = checkErrors.length > 0 ? checkErrors : createErrors(create.error, create.variables);
  useDocumentTitle(
    create.isSuccess ? 'Invitation created' : `${errors.length > 0 ? 'Error: ' : ''}Invite a user`,
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkForm(email.trim(), displayName.trim(), grant);
    setCheckErrors(found);
    setAttempt((value) => value + 1);
    if (found.length > 0 || grant.role === '') return;
    create.mutate({
      email: email.trim(),
      displayName: displayName.trim(),
      roles: [toRoleGrantRequest({ ...grant, role: grant.role })],
    });
  }

  function startAgain() {
    setEmail('');
    setDisplayName('');
    setGrant({ role: '', scopeCode: '' });
    setAttempt(0);
    create.reset();
  }

  if (create.isSuccess) return <InvitationCreated result={create.data} onAnother={startAgain} />;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to="/admin/users">
          Users
        </BackLink>
        <h1>Invite a user</h1>
        <p>
          Add someone to the service with one role. You can give them more roles afterwards. You will get a
          link to send them, so they can choose a password.
        </p>
        {create.isError && !isFormProblem(create.error, ['USER_EXISTS']) ? (
          <ApiErrorSummary key={attempt} error={create.error} />
        ) : null}
        <FormErrorSummary key={attempt} errors={errors} />
        <form method="post" noValidate onSubmit={handleSubmit}>
          <TextInput
            id="email"
            name="email"
            type="email"
            label="Email address"
            hint="Their work email address. They will use it to sign in."
            autoComplete="off"
            spellCheck={false}
            width={30}
            value={email}
            error={errorFor(errors, 'email')}
            onChange={(event) => setEmail(event.target.value)}
          />
          <TextInput
            id="displayName"
            name="displayName"
            label="Full name"
            autoComplete="off"
            width={30}
            value={displayName}
            error={errorFor(errors, 'displayName')}
            onChange={(event) => setDisplayName(event.target.value)}
          />
          <RoleGrantFields prefix="" legend="Role" value={grant} errors={errors} onChange={setGrant} />
          <Button type="submit" disabled={create.isPending}>
            Create invitation
          </Button>
        </form>
      </div>
    </div>
  );
}
