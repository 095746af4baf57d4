import { FrameworkVersionEntity } from '../modules/frameworks/entities/framework-version.entity.js';
import { IcsRegionMembershipEntity } from '../modules/organisations/entities/ics-region-membership.entity.js';
import { IcsSuccessionEntity } from '../modules/organisations/entities/ics-succession.entity.js';
import { IcsEntity } from '../modules/organisations/entities/ics.entity.js';
import { OrganisationChangeEntity } from '../modules/organisations/entities/organisation-change.entity.js';
import { OrganisationIcsMembershipEntity } from '../modules/organisations/entities/organisation-ics-membership.entity.js';
import { OrganisationEntity } from '../modules/organisations/entities/organisation.entity.js';
import { RegionEntity } from '../modules/organisations/entities/region.entity.js';

import { AssessmentReturnEntity } from '../modules/assessments/entities/assessment-return.entity.js';
import { DomainAnswerEntity } from '../modules/assessments/entities/domain-answer.entity.js';
import { EvidenceEntity } from '../modules/assessments/entities/evidence.entity.js';
import { ReturnApprovalEntity } from '../modules/assessments/entities/return-approval.entity.js';
import { ReturnDeclineEntity } from '../modules/assessments/entities/return-decline.entity.js';
import { ReturnAssignmentEntity } from '../modules/assessments/entities/return-assignment.entity.js';
import { ReturnSealEntity } from '../modules/assessments/entities/return-seal.entity.js';
import { CycleEntity } from '../modules/cycles/cycle.entity.js';
import { PublishedNameAliasEntity } from '../modules/imports/entities/published-name-alias.entity.js';
import { ResultImportEntity } from '../modules/imports/entities/result-import.entity.js';
import { ResultScoreEntity } from '../modules/result-store/entities/result-score.entity.js';
import { PrimaryCareScoreEntity } from '../modules/result-store/entities/primary-care-score.entity.js';
import { AuditEventEntity } from '../modules/audit/audit-event.entity.js';
import { AuthSessionEntity } from '../modules/auth/entities/auth-session.entity.js';
import { RefreshTokenEntity } from '../modules/auth/entities/refresh-token.entity.js';
import { SignInThrottleEntity } from '../modules/auth/entities/sign-in-throttle.entity.js';
import { InvitationEntity } from '../modules/users/entities/invitation.entity.js';
import { RoleAssignmentEntity } from '../modules/users/entities/role-assignment.entity.js';
import { UserEntity } from '../modules/users/entities/user.entity.js';
import { DemoMarkerEntity } from '../modules/demo/demo-marker.entity.js';

import { ImprovementPlanEntity } from '../modules/plans/entities/improvement-plan.entity.js';
import { PlanActionEntity } from '../modules/plans/entities/plan-action.entity.js';
import { PlanApprovalEntity } from '../modules/plans/entities/plan-approval.entity.js';
import { NationalTargetEntity } from '../modules/targets/entities/national-target.entity.js';
import { PeerSharingEntity } from '../modules/peer-learning/entities/peer-sharing.entity.js';
import { NoticeEntity } from '../modules/notifications/entities/notice.entity.js';
import { EmailDeliveryEntity } from '../modules/notifications/entities/email-delivery.entity.js';
import { NotificationPreferenceEntity } from '../modules/notifications/entities/notification-preference.entity.js';

/** Every entity, listed explicitly (ESM: no globbing of compiled files). */
export const entities = [
  RegionEntity,
  IcsEntity,
  IcsRegionMembershipEntity,
  IcsSuccessionEntity,
  OrganisationEntity,
  OrganisationIcsMembershipEntity,
  OrganisationChangeEntity,
  FrameworkVersionEntity,
  UserEntity,
  RoleAssignmentEntity,
  InvitationEntity,
  AuthSessionEntity,
  RefreshTokenEntity,
  SignInThrottleEntity,
  AuditEventEntity,
  CycleEntity,
  AssessmentReturnEntity,
  DomainAnswerEntity,
  EvidenceEntity,
  ReturnAssignmentEntity,
  ReturnApprovalEntity,
  ReturnDeclineEntity,
  ReturnSealEntity,
  ResultImportEntity,
  ResultScoreEntity,
  PrimaryCareScoreEntity,
  PublishedNameAliasEntity,
  DemoMarkerEntity,
  ImprovementPlanEntity,
  PlanActionEntity,
  PlanApprovalEntity,
  NationalTargetEntity,
  PeerSharingEntity,
  NoticeEntity,
  EmailDeliveryEntity,
  NotificationPreferenceEntity,
];
