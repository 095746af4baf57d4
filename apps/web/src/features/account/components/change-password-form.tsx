import { Button, PasswordInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { checkNewPassword, NewPasswordFields } from '../../../components/new-password-fields';
import { SuccessBanner } from '../../../components/success-banner';
import { apiFieldErrors, errorFor, isFormProblem, type FormError } from '../../../lib/form-errors';
import { useChangePassword } from '../api/account-api';

const ids = { current: 'currentPassword', password: 'newPassword', confirmation: 'confirmNewPassword' };

function checkForm(current: string, password: string, confirmation: string): FormError[] {
  const errors: FormError[] = [];
  if (!current) errors.push({ id: ids.current, message: 'Enter your current password' });
  errors.push(...checkNewPassword(password, confirmation, ids));
  if (errors.length === 0 && current === password) {
    errors.push({
      id: ids.password,
      message: 'Your new password must be different from your current password',
    });
  }
  return errors;
}

/** Change password: the current one, then the new one twice. Says so when it has changed. */
export function ChangePasswordForm({ onErrorsChange }: { onErrorsChange: (hasErrors: boolean) => void }) {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [checkErrors, setCheckErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);

  const errors =
    checkErrors.length > 0
      ? checkErrors
      : apiFieldErrors(change.error, { currentPassword: ids.current, newPassword: ids.password });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkForm(current, password, confirmation);
    setCheckErrors(found);
    setAttempt((value) => value + 1);
    onErrorsChange(found.length > 0);
    if (found.length > 0) return;
    change.mutate(
      { currentPassword: current, newPassword: password },
      {
        onSuccess: () => {
          setCurrent('');
          setPassword('');
          setConfirmation('');
          onErrorsChange(false);
        },
        onError: (error) => onErrorsChange(isFormProblem(error)),
      },
    );
  }

  return (
    <>
      {change.isSuccess ? (
        <SuccessBanner key={attempt} heading="Your password has been changed">
          <p>Use your new password next time you sign in. You have been signed out on any other devices.</p>
        </SuccessBanner>
      ) : null}
      {change.isError && !isFormProblem(change.error) ? (
        <ApiErrorSummary key={attempt} error={change.error} />
      ) : null}
      <FormErrorSummary key={attempt} errors={errors} />
      <form method="post" noValidate onSubmit={handleSubmit}>
        <PasswordInput
          id={ids.current}
          name={ids.current}
          label="Current password"
          autoComplete="current-password"
          width={20}
          value={current}
          error={errorFor(errors, ids.current)}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <NewPasswordFields
          ids={ids}
          labels={{ password: 'New password', confirmation: 'Enter the new password again' }}
          password={password}
          confirmation={confirmation}
          errors={errors}
          onPasswordChange={setPassword}
          onConfirmationChange={setConfirmation}
        />
        <Button type="submit" secondary disabled={change.isPending}>
          Change password
        </Button>
      </form>
    </>
  );
}
