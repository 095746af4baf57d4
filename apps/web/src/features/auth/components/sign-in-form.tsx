import { Button, PasswordInput, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { ApiRequestError } from '../../../lib/api-client';
import { useSignIn } from '../../../lib/api/session-api';
import {
  apiFieldErrors,
  errorFor,
  isFormProblem,
  looksLikeEmail,
  type FormError,
} from '../../../lib/form-errors';
import { pluralise } from '../../../lib/format';

const WRONG_DETAILS = 'Enter a correct email address and password';

/** What the form says about a sign-in the API refused. */
function signInErrors(error: unknown): FormError[] {
  if (!(error instanceof ApiRequestError)) return [];
  if (error.code === 'INVALID_CREDENTIALS') return [{ id: 'email', message: WRONG_DETAILS }];
  if (error.code === 'TOO_MANY_ATTEMPTS') {
    const wait = error.retryAfterSeconds
      ? `Wait ${pluralise(Math.max(1, Math.ceil(error.retryAfterSeconds / 60)), 'minute')}`
      : 'Wait a few minutes';
    return [
      {
        id: undefined,
        message: `There have been too many attempts to sign in to this account. ${wait}, then try again.`,
      },
    ];
  }
  return apiFieldErrors(error, { email: 'email', password: 'password' });
}

function checkForm(email: string, password: string): FormError[] {
  const errors: FormError[] = [];
  if (!email) errors.push({ id: 'email', message: 'Enter your email address' });
  else if (!looksLikeEmail(email))
    errors.push({
      id: 'email',
      message: 'Enter an email address in the correct format, like name@example.com',
    });
  if (!password) errors.push({ id: 'password', message: 'Enter your password' });
  return errors;
}

interface SignInFormProps {
  /** A problem to show before the first attempt, for example that single sign-on failed. */
  initialError?: string;
  /** Called with the outcome so the page title can say "Error:". */
  onErrorsChange?: (hasErrors: boolean) => void;
  onSignedIn: () => void;
}

/** Email and password. Errors go in an error summary (focused) and beside each input. */
export function SignInForm({ initialError, onErrorsChange, onSignedIn }: SignInFormProps) {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [checkErrors, setCheckErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);

  const errors =
    checkErrors.length > 0
      ? checkErrors
      : attempt === 0 && initialError
        ? [{ id: undefined, message: initialError }]
        : signInErrors(signIn.error);
  const serviceProblem =
    signIn.isError && !isFormProblem(signIn.error, ['INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS']);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = email.trim();
    const found = checkForm(trimmed, password);
    setCheckErrors(found);
    setAttempt((value) => value + 1);
    onErrorsChange?.(found.length > 0);
    if (found.length > 0) return;
    signIn.mutate(
      { email: trimmed, password },
      {
        onSuccess: onSignedIn,
        onError: () => {
          setPassword('');
          onErrorsChange?.(true);
        },
      },
    );
  }

  return (
    <>
      {serviceProblem ? <ApiErrorSummary key={attempt} error={signIn.error} /> : null}
      <FormErrorSummary key={attempt} errors={errors} />
      <form method="post" noValidate onSubmit={handleSubmit}>
        <TextInput
          id="email"
          name="email"
          type="email"
          label="Email address"
          autoComplete="username"
          spellCheck={false}
          width={30}
          value={email}
          error={errorFor(errors, 'email')}
          onChange={(event) => setEmail(event.target.value)}
        />
        <PasswordInput
          id="password"
          name="password"
          label="Password"
          autoComplete="current-password"
          width={20}
          value={password}
          error={errorFor(errors, 'password')}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Button type="submit" disabled={signIn.isPending}>
          Sign in
        </Button>
      </form>
    </>
  );
}
