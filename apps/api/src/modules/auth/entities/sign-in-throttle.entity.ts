import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The source of attempts that no known-device cookie vouches for: every such client shares one count. */
export const ANY_SOURCE = 'any';

/**
 * Sign-in attempts per email address (whether or not an account has it, so a lockout never reveals
 * which addresses exist) and per source: `any` for clients without a known-device cookie for that
 * address, or `device:<id>` for a browser where the account signed in before (its own count, so
 * failures caused elsewhere never lock the owner's known browsers out).
 */
@Entity({ name: 'sign_in_throttle' })
export class SignInThrottleEntity {
  /** The email as typed, trimmed and lower-cased. */
  @PrimaryColumn({ type: 'varchar', length: 254 })
  email: string;

  @PrimaryColumn({ type: 'varchar', length: 64, default: ANY_SOURCE })
  source: string;

  /**
   * Attempts reserved in the current run and not proved right: each attempt reserves one before its
   * password is checked (so parallel attempts are counted too); a right password gives its own back.
   */
  @Column({ type: 'int', default: 0 })
  failures: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_failure_at', type: 'timestamptz', nullable: true })
  lastFailureAt: Date | null;
}
