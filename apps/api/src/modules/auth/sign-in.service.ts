import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../app.tokens.js';
import { ApiException } from '../../common/api-exception.js';
import { verifyPassword } from '../../common/secrets.js';
import type { AppConfig } from '../../config/app-config.js';
import type { RequestOrigin } from '../access/principal.js';
import { AuditService } from '../audit/audit.service.js';
import { UserEntity } from '../users/entities/user.entity.js';
import { ANY_SOURCE } from './entities/sign-in-throttle.entity.js';
import { normaliseEmail } from '../../common/email.js';

/**
 * Checks an email and password, with a lockout that holds however the attempts arrive.
 *
 * Attempts are counted per email address typed (whether or not an account has it) and per source:
 * every client without a known-device cookie for the address shares one count, and each browser where
 * the account signed in before has a count of its own (see KnownDevices). Before a password is
 * checked, the attempt reserves a place in its count in one statement; the SIGN_IN_MAX_FAILURES-th
 * place also locks the count for SIGN_IN_LOCK_MINUTES, and any attempt beyond it is refused (429 with
 * Retry-After) without checking the password. So parallel attempts can never have more than
 * SIGN_IN_MAX_FAILURES passwords checked. A right password gives its own place back (and clears a
 * known device's count); a wrong one keeps it as a failure. The answer never says whether the email
 * exists.
 */
@Injectable()
export class SignInService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /**
   * The user for a right email and password. `deviceId`: the known device the request's cookie
   * vouches for, for this email (KnownDevices.deviceFor), or null.
   */
  async verify(
    emailTyped: string,
    password: string,
    origin: RequestOrigin,
    deviceId: string | null = null,
  ): Promise<UserEntity> {
    const email = normaliseEmail(emailTyped);
    const source = deviceId ? `device:${deviceId}` : ANY_SOURCE;
    const knownDevice = deviceId !== null;
    const { maxFailures, lockMinutes } = this.config.auth;
    const attempt = await this.reserve(email, source);
    if (attempt.number > maxFailures) {
      await this.audit.record({
        action: 'sign-in.locked',
        actor: { email },
        origin,
        details: { attemptWhileLocked: true, knownDevice },
      });
      throw tooManyAttempts(attempt.lockSeconds ?? lockMinutes * 60);
    }
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email });
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
    if (user && passwordOk && user.status === 'active') {
      await this.release(email, source, knownDevice);
      return user;
    }
    const actor = { id: user?.id ?? null, email };
    await this.audit.record({
      action: 'sign-in.failed',
      actor,
      origin,
      details: { failures: attempt.number, knownDevice },
    });
    if (attempt.number === maxFailures) {
      await this.audit.record({
        action: 'sign-in.locked',
        actor,
        origin,
        details: { failures: attempt.number, lockMinutes, knownDevice },
      });
      throw tooManyAttempts(attempt.lockSeconds ?? lockMinutes * 60);
    }
    throw new ApiException(
      HttpStatus.UNAUTHORIZED,
      'INVALID_CREDENTIALS',
      'The email address or password is not right. Check them and try again.',
    );
  }

  /**
   * Reserves this attempt's place in the count, atomically (one statement, so concurrent attempts
   * queue on the row): its number in the run, and the seconds left of the lock if one is set. A lock
   * that has run out, or a run whose last attempt is older than the lock period, starts again from 1.
   * Attempts refused while locked are counted too, so they stay beyond the limit.
   */
  private async reserve(
    email: string,
    source: string,
  ): Promise<{ number: number; lockSeconds: number | null }> {
    const { maxFailures, lockMinutes } = this.config.auth;
    const [row] = await this.dataSource.query<[{ failures: number; lock_seconds: number | null }]>(
      `INSERT INTO sign_in_throttle AS t (email, source, failures, last_failure_at, locked_until)
       VALUES ($1, $2, 1, now(), CASE WHEN $3 <= 1 THEN now() + make_interval(mins => $4) END)
       ON CONFLICT (email, source) DO UPDATE SET
         failures = CASE WHEN t.locked_until <= now()
                           OR (t.locked_until IS NULL AND t.last_failure_at < now() - make_interval(mins => $4))
                         THEN 1 ELSE t.failures + 1 END,
         locked_until = CASE
           WHEN t.locked_until <= now()
             OR (t.locked_until IS NULL AND t.last_failure_at < now() - make_interval(mins => $4))
           THEN CASE WHEN $3 <= 1 THEN now() + make_interval(mins => $4) END
           WHEN t.locked_until IS NULL AND t.failures + 1 >= $3 THEN now() + make_interval(mins => $4)
           ELSE t.locked_until END,
         last_failure_at = now()
       RETURNING failures, ceil(extract(epoch FROM locked_until - now()))::int AS lock_seconds`,
      [email, source, maxFailures, lockMinutes],
    );
    return { number: row.failures, lockSeconds: row.lock_seconds };
  }

  /**
   * A right password gives back the place it reserved, and lifts the lock if that place was what
   * reached the limit. A known device's count is cleared: only its owner's browser holds that cookie.
   * The shared count keeps the other failures (they expire with the run), so a success in parallel
   * with guesses never lets more guesses be checked.
   */
  private async release(email: string, source: string, knownDevice: boolean): Promise<void> {
    if (knownDevice) {
      await this.dataSource.query('DELETE FROM sign_in_throttle WHERE email = $1 AND source = $2', [
        email,
        source,
      ]);
      return;
    }
    await this.dataSource.query(
      `UPDATE sign_in_throttle SET
         failures = greatest(failures - 1, 0),
         locked_until = CASE WHEN failures - 1 < $3 THEN NULL ELSE locked_until END
       WHERE email = $1 AND source = $2`,
      [email, source, this.config.auth.maxFailures],
    );
  }
}

export function tooManyAttempts(seconds: number): ApiException {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new ApiException(
    HttpStatus.TOO_MANY_REQUESTS,
    'TOO_MANY_ATTEMPTS',
    `Too many attempts to sign in. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
    undefined,
    seconds,
  );
}
