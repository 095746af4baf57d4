import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** An invitation link as just written (inside its transaction): the link itself is never stored. */
export interface InvitationCreated {
  invitationId: string;
  userId: string;
  email: string;
  displayName: string;
  url: string;
  expiresAt: Date;
  invitedBy: string;
}

export type InvitationHook = (manager: EntityManager, created: InvitationCreated) => Promise<void>;

/**
 * What other modules do with a new invitation link in the same transaction (notifications: send it).
 * They register on start-up, so users never imports them.
 */
@Injectable()
export class InvitationHooks {
  private readonly hooks: InvitationHook[] = [];

  register(hook: InvitationHook): void {
    this.hooks.push(hook);
  }

  async run(manager: EntityManager, created: InvitationCreated): Promise<void> {
    for (const hook of this.hooks) await hook(manager, created);
  }
}
