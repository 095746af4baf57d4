import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Consecutive sign-in failures per email address, whether or not an account has that address, so
 * a lockout never reveals which addresses exist.
 */
@Entity({ name: 'sign_in_throttle' })
export class SignInThrottleEntity {
  /** The email as typed, trimmed and lower-cased. */
  @PrimaryColumn({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'int', default: 0 })
  failures: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_failure_at', type: 'timestamptz', nullable: true })
  lastFailureAt: Date | null;
}
