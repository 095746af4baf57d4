import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FieldError, PeerSharing } from '@wgll/contracts';
import { DataSource } from 'typeorm';
import { ApiException, invalidFields } from '../../common/api-exception.js';
import { orConflict, StaleVersion } from '../../common/stale-version.js';
import { todayInLondon } from '../../common/iso-date.js';
import { returnRolesThatMay } from '../access/policy.js';
import { PolicyService } from '../access/policy.service.js';
import type { Principal } from '../access/principal.js';
import { AssessmentsReader } from '../assessments/assessments.reader.js';
import { type PeerSealedReturn, PeerReturnsReader } from '../assessments/peer-returns.reader.js';
import { AuditService } from '../audit/audit.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { PeopleRepository } from '../users/people.repository.js';
import type { SavePeerSharingDto } from './dto/peer-learning.dto.js';
import { PeerSharingEntity } from './entities/peer-sharing.entity.js';

/**
 * An organisation's sharing setting for peer learning: read by its team, changed by its trust lead.
 * Every change is audited with what changed (free text named, not copied).
 */
@Injectable()
export class PeerSharingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly returns: PeerReturnsReader,
    private readonly assessments: AssessmentsReader,
    private readonly organisations: OrganisationsService,
    private readonly people: PeopleRepository,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {}

  /** The setting of each organisation that opted in to be named (with a consenting contact). */
  async namedSettings(): Promise<Map<string, PeerSharingEntity>> {
    const rows = await this.dataSource
      .getRepository(PeerSharingEntity)
      .findBy({ named: true, contactConsent: true });
    return new Map(rows.map((r) => [r.organisationCode, r]));
  }

  async get(code: string, user: Principal): Promise<PeerSharing> {
    const organisation = await this.organisations.get(code, undefined);
    const row = await this.dataSource.getRepository(PeerSharingEntity).findOneBy({ organisationCode: code });
    const sealed = await this.returns.newestSealedOf(code);
    const team = await this.people.holding(code, returnRolesThatMay('return:view', 'organisation'));
    const updater = row?.updatedBy ? (await this.people.byIds([row.updatedBy])).get(row.updatedBy) : null;
    const resource = await this.policy.resolve('organisation', code, todayInLondon());
    return {
      organisation: { odsCode: organisation.odsCode, name: organisation.name },
      named: row?.named ?? false,
      contact:
        row?.contactName && row.contactRole && row.contactEmail
          ? { name: row.contactName, role: row.contactRole, email: row.contactEmail }
          : null,
      contactConsent: row?.contactConsent ?? false,
      notes: row?.notes ?? [],
      shareableEvidenceIds: row?.shareableEvidenceIds ?? [],
      version: row?.version ?? 0,
      updatedAt: row ? row.updatedAt.toISOString() : null,
      updatedBy: updater ? { id: updater.id, displayName: updater.displayName } : null,
      team: team.map((p) => ({ id: p.id, displayName: p.displayName, email: p.email })),
      evidence: sealed.flatMap((r) =>
        r.sealed.evidence.map((e) => ({
          id: e.id,
          title: e.title,
          careSetting: r.careSetting,
          cycleName: r.cycle.name,
        })),
      ),
      domains: await this.domainsOf(sealed),
      permissions: { edit: resource !== null && this.policy.can(user, 'return:submit', resource) },
    };
  }

  async save(code: string, input: SavePeerSharingDto, actor: Principal): Promise<PeerSharing> {
    const organisation = await this.organisations.get(code, undefined);
    const sealed = await this.returns.newestSealedOf(code);
    // A stale save rolls back first (its placeholder row too); the 409 then carries the setting as it
    // is now, read outside the transaction (inside it, the other services' reads would wait for a
    // second connection, and the embedded database has only one).
    const stale = async (updatedBy: string | null) =>
      new ApiException(
        HttpStatus.CONFLICT,
        'SHARING_CONFLICT',
        updatedBy === actor.id
          ? 'You changed the sharing setting in another window or tab since you opened it here. Check it and save again.'
          : 'Someone else changed the sharing setting since you opened it. Check it and save again.',
        undefined,
        undefined,
        { current: await this.get(code, actor) },
      );
    await orConflict(
      () =>
        this.dataSource.transaction(async (m) => {
          const repo = m.getRepository(PeerSharingEntity);
          // The row is made on the first save; two first saves at once: one inserts, the other conflicts.
          await repo
            .createQueryBuilder()
            .insert()
            .values({ organisationCode: code, version: 0 })
            .orIgnore()
            .execute();
          const row = await repo.findOneOrFail({
            where: { organisationCode: code },
            lock: { mode: 'pessimistic_write' },
          });
          if (row.version !== input.baseVersion) throw new StaleVersion(row.updatedBy);
          validate(input, sealed);
          const notes = input.notes.filter((n) => n.note !== '');
          const after = {
            named: input.named,
            contactName: input.contact?.name ?? null,
            contactRole: input.contact?.role ?? null,
            contactEmail: input.contact?.email ?? null,
            contactConsent: input.contactConsent,
            notes,
            shareableEvidenceIds: [...new Set(input.shareableEvidenceIds)],
          };
          await repo.update(
            { organisationCode: code },
            { ...after, version: row.version + 1, updatedAt: new Date(), updatedBy: actor.id },
          );
          await this.audit.record(
            {
              action: 'peer-sharing.updated',
              actor,
              target: { type: 'organisation', id: code, label: organisation.name },
              details: {
                version: row.version + 1,
                named: { before: row.named, after: after.named },
                contactChanged:
                  row.contactName !== after.contactName ||
                  row.contactRole !== after.contactRole ||
                  row.contactEmail !== after.contactEmail,
                contactConsent: after.contactConsent,
                notes: notes.map((n) => n.domainId),
                shareableEvidence: after.shareableEvidenceIds.length,
              },
            },
            m,
          );
        }),
      stale,
    );
    return this.get(code, actor);
  }

  /** The domains the organisation's newest sealed returns answer, in framework order, for notes. */
  private async domainsOf(sealed: PeerSealedReturn[]): Promise<PeerSharing['domains']> {
    const seen = new Map<string, PeerSharing['domains'][number]>();
    for (const r of sealed) {
      const framework = await this.assessments.framework(r.sealed.framework);
      const answered = new Set(r.sealed.answers.map((a) => a.domainId));
      for (const d of framework.domains) {
        if (answered.has(d.id) && !seen.has(d.id)) {
          seen.set(d.id, { id: d.id, title: d.title, measure: d.measure });
        }
      }
    }
    return [...seen.values()];
  }
}

function validate(input: SavePeerSharingDto, sealed: PeerSealedReturn[]): void {
  const errors: FieldError[] = [];
  if (input.named && input.contact === null) {
    errors.push({
      field: 'contact',
      messages: ['To be named, give a contact other organisations may get in touch with'],
    });
  }
  if (input.named && !input.contactConsent) {
    errors.push({
      field: 'contactConsent',
      messages: ['To be named, confirm the contact agreed to be contacted by other NHS organisations'],
    });
  }
  const evidence = new Set(sealed.flatMap((r) => r.sealed.evidence.map((e) => e.id)));
  if (input.shareableEvidenceIds.some((id) => !evidence.has(id))) {
    errors.push({
      field: 'shareableEvidenceIds',
      messages: ['Only evidence of your newest sealed returns can be marked shareable'],
    });
  }
  const domains = new Set(sealed.flatMap((r) => r.sealed.answers.map((a) => a.domainId)));
  const seen = new Set<string>();
  input.notes.forEach((n, i) => {
    if (!domains.has(n.domainId)) {
      errors.push({
        field: `notes.${i}.domainId`,
        messages: [`${n.domainId} is not a domain of your newest sealed returns`],
      });
    } else if (seen.has(n.domainId)) {
      errors.push({ field: `notes.${i}.domainId`, messages: ['That domain has more than one note'] });
    }
    seen.add(n.domainId);
  });
  if (errors.length > 0) throw invalidFields(errors);
}
