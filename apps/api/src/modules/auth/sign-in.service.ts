import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../app.tokens.js';
import { ApiException } from '../../common/api-exception.filter.js';
import { verifyPassword } from '../../common/secrets.js';
import type { AppConfig } from '../../config/app-config.js';
import type { RequestOrigin } from '../access/principal.js';
import { AuditService } from '../audit/audit.service.js';
import { UserEntity } from '../users/entities/user.entity.js';

/**
 * Checks an email and password. Failures are counted per email address typed (whether or not an
 * account has it); after SIGN_IN_MAX_FAILURES in a row the address is locked for
 * SIGN_IN_LOCK_MINUTES (429 with Retry-After). The answer never says whether the email exists.
 */
@Injectable()
export class SignInService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async verify(emailTyped: string, password: string, origin: RequestOrigin): Promise<UserEntity> {
    const email = emailTyped.trim().toLowerCase();
    const [lock] = await this.dataSource.query<{ seconds: number }[]>(
      `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds
       FROM sign_in_throttle WHERE email = $1 AND locked_until > now()`,
      [email],
    );
    if (lock) {
      await this.audit.record({
        action: 'sign-in.locked',
        actor: { email },
        origin,
        details: { attemptWhileLocked: true },
      });
      throw tooManyAttempts(lock.seconds);
    }
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email });
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
    if (user && passwordOk && user.status === 'active') {
      await this.dataSource.query('DELETE FROM sign_in_throttle WHERE email = $1', [email]);
      return user;
    }
    await this.recordFailure(email, user ?? null, origin);
    throw new ApiException(
      HttpStatus.UNAUTHORIZED,
      'INVALID_CREDENTIALS',
      'The email address or password is not right. Check them and try again.',
    );
  }

  private async recordFailure(email: string, user: UserEntity | null, origin: RequestOrigin): Promise<void> {
    const { maxFailures, lockMinutes } = this.config.auth;
    // A run of failures older than the lock period starts again from 1.
    const [{ failures }] = await this.dataSource.query<[{ failures: number }]>(
      `INSERT INTO sign_in_throttle (email, failures, last_failure_at) VALUES ($1, 1, now())
       ON CONFLICT (email) DO UPDATE SET
         failures = CASE WHEN sign_in_throttle.last_failure_at < now() - make_interval(mins => $2)
                         THEN 1 ELSE sign_in_throttle.failures + 1 END,
         last_failure_at = now()
       RETURNING failures`,
      [email, lockMinutes],
    );
    const actor = { id: user?.id ?? null, email };
    await this.audit.record({ action: 'sign-in.failed', actor, origin, details: { failures } });
    if (failures >= maxFailures) {
      await this.dataSource.query(
        `UPDATE sign_in_throttle SET failures = 0, locked_until = now() + make_interval(mins => $2) WHERE email = $1`,
        [email, lockMinutes],
      );
      await this.audit.record({
        action: 'sign-in.locked',
        actor,
        origin,
        details: { failures, lockMinutes },
      });
      throw tooManyAttempts(lockMinutes * 60);
    }
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
