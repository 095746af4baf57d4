import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AddEvidenceLinkRequest,
  ApproveRequest,
  AssignRequest,
  CareSetting,
  Confidence,
  ConfirmAnswerRequest,
  CreateOrganisationReturnsRequest,
  CreateSystemReturnRequest,
  DeclineRequest,
  MeasureId,
  ReopenRequest,
  SaveAnswerRequest,
} from '@wgll/contracts';
import { CARE_SETTINGS, MEASURE_IDS } from '@wgll/framework';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  Max,
  Min,
  MinLength,
  isUUID,
  Validate,
  ValidateIf,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { IsoDateConstraint } from '../../../common/at-date.js';
import { isIsoDate, todayInLondon } from '../../../common/iso-date.js';
import { PageQuery } from '../../../common/page-query.js';
import { onlyKeys, OptionalNotNull, quickCheck, trim } from '../../../common/validation.js';

const CONFIDENCE: Confidence[] = ['low', 'medium', 'high'];

export class ReturnIdParam {
  @IsUUID('all', { message: 'id must be a return id' })
  id: string;
}

const DOMAIN_ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

export class AnswerParams extends ReturnIdParam {
  @Matches(DOMAIN_ID, { message: 'domainId must be a domain id of the framework' })
  @MaxLength(100)
  domainId: string;
}

// The autosave's route: params and body that certainly pass the rules skip class-validator.
const ANSWER_PARAMS = new Set(['id', 'domainId']);
quickCheck(
  AnswerParams,
  (p) =>
    onlyKeys(p, ANSWER_PARAMS) &&
    typeof p['id'] === 'string' &&
    isUUID(p['id'], 'all') &&
    typeof p['domainId'] === 'string' &&
    p['domainId'].length <= 100 &&
    DOMAIN_ID.test(p['domainId']),
);

export class EvidenceParams extends ReturnIdParam {
  @IsUUID('all', { message: 'evidenceId must be an evidence id' })
  evidenceId: string;
}

export class AssignmentParams extends ReturnIdParam {
  @IsUUID('all', { message: 'assignmentId must be an assignment id' })
  assignmentId: string;
}

export class SealParams extends ReturnIdParam {
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt({ message: 'revision must be a whole number' })
  @Min(1)
  @Max(2_147_483_647)
  revision: number;
}

export class CycleFilterQuery {
  @ApiPropertyOptional({ description: 'Only this cycle' })
  @IsOptional()
  @IsUUID('all', { message: 'cycleId must be a cycle id' })
  cycleId?: string;
}

export class HistoryQuery extends PageQuery {}

export class CreateOrganisationReturnsDto implements CreateOrganisationReturnsRequest {
  @ApiProperty()
  @IsUUID('all', { message: 'Choose the cycle' })
  cycleId: string;

  @ApiPropertyOptional({
    enum: CARE_SETTINGS,
    isArray: true,
    description: 'Default: every care setting the trust runs',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(CARE_SETTINGS, {
    each: true,
    message: `each care setting must be one of ${CARE_SETTINGS.join(', ')}`,
  })
  careSettings?: CareSetting[];

  @ApiPropertyOptional({ description: "Start from the trust's last sealed return of an earlier cycle" })
  @IsOptional()
  @IsBoolean()
  carryForward?: boolean;
}

export class CreateSystemReturnDto implements CreateSystemReturnRequest {
  @ApiProperty()
  @IsUUID('all', { message: 'Choose the cycle' })
  cycleId: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  carryForward?: boolean;
}

export class SaveAnswerDto implements SaveAnswerRequest {
  @ApiProperty({ description: 'The version the edit is based on; 0 when the domain had no answer' })
  @IsInt({ message: 'baseVersion must be a whole number' })
  @Min(0)
  @Max(2_147_483_647)
  baseVersion: number;

  @ApiProperty({ type: [String], description: 'Element ids ticked as met' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  met: string[];

  @ApiProperty()
  @IsBoolean()
  notApplicable: boolean;

  @ApiProperty({
    description:
      'The person confirms none of the elements is met yet; not with elements ticked or not applicable',
  })
  @IsBoolean({ message: 'noneMet must be true or false' })
  noneMet: boolean;

  @ApiProperty()
  @IsString()
  @MaxLength(10000, { message: 'The comment must be 10,000 characters or fewer' })
  comment: string;

  @ApiProperty({ enum: CONFIDENCE, nullable: true })
  @IsOptional()
  @IsIn(CONFIDENCE, { message: 'confidence must be low, medium or high' })
  confidence: Confidence | null;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'each evidence id must be an evidence id of this return' })
  evidenceIds: string[];
}

const SAVE_ANSWER_FIELDS = new Set([
  'baseVersion',
  'met',
  'notApplicable',
  'noneMet',
  'comment',
  'confidence',
  'evidenceIds',
]);
// Lengths are compared in UTF-16 units, never fewer than the characters MaxLength counts.
quickCheck(
  SaveAnswerDto,
  (b) =>
    onlyKeys(b, SAVE_ANSWER_FIELDS) &&
    Number.isInteger(b['baseVersion']) &&
    (b['baseVersion'] as number) >= 0 &&
    (b['baseVersion'] as number) <= 2_147_483_647 &&
    Array.isArray(b['met']) &&
    b['met'].length <= 200 &&
    b['met'].every((e) => typeof e === 'string' && e.length <= 100) &&
    typeof b['notApplicable'] === 'boolean' &&
    typeof b['noneMet'] === 'boolean' &&
    typeof b['comment'] === 'string' &&
    b['comment'].length <= 10_000 &&
    (b['confidence'] === undefined ||
      b['confidence'] === null ||
      CONFIDENCE.includes(b['confidence'] as Confidence)) &&
    Array.isArray(b['evidenceIds']) &&
    b['evidenceIds'].length <= 100 &&
    b['evidenceIds'].every((e) => typeof e === 'string' && isUUID(e, 'all')),
);

export class ConfirmAnswerDto implements ConfirmAnswerRequest {
  @ApiProperty()
  @IsInt({ message: 'baseVersion must be a whole number' })
  @Min(1)
  @Max(2_147_483_647)
  baseVersion: number;
}

export class AddEvidenceLinkDto implements AddEvidenceLinkRequest {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'Enter a title for the link' })
  @MaxLength(300)
  title: string;

  @ApiProperty({ example: 'https://intranet.example.nhs.uk/board-papers/2026-09' })
  @Transform(trim)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    {
      message: 'Enter a web address starting with https:// or http://',
    },
  )
  @MaxLength(2000)
  url: string;
}

export class AssignDto implements AssignRequest {
  @ApiPropertyOptional({ enum: MEASURE_IDS })
  @OptionalNotNull()
  @IsIn(MEASURE_IDS, { message: 'measure must be one of the seven measures' })
  measure?: MeasureId;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @Matches(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, { message: 'domainId must be a domain id of the framework' })
  @MaxLength(100)
  domainId?: string;

  @ApiProperty()
  @IsUUID('all', { message: 'Choose the person to assign' })
  userId: string;

  @ApiPropertyOptional({
    example: '2027-01-31',
    nullable: true,
    description: 'Left out or null: no due date',
  })
  @ValidateIf((_o: object, value: unknown) => value !== null && value !== undefined)
  @Validate(IsoDateConstraint, { message: 'dueDate must be a real date written YYYY-MM-DD, or null' })
  dueDate?: string | null;
}

/** A board meeting's date: a real date, today or in the past (in the UK). */
@ValidatorConstraint({ name: 'pastMeetingDate' })
export class PastMeetingDateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isIsoDate(value) && value <= todayInLondon();
  }
  defaultMessage(args: ValidationArguments): string {
    return typeof args.value === 'string' && isIsoDate(args.value)
      ? 'The date of the board meeting must be today or in the past'
      : '$property must be a real date written YYYY-MM-DD, for example 2025-06-30';
  }
}

export class ApproveDto implements ApproveRequest {
  @ApiProperty({ example: '2026-11-05', description: 'Today or in the past' })
  @Validate(PastMeetingDateConstraint)
  meetingDate: string;

  @ApiProperty({ example: 'Board minute 2026/114' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'Enter the minute reference' })
  @MaxLength(100)
  minuteReference: string;
}

export class DeclineDto implements DeclineRequest {
  @ApiProperty({ description: "The board's comments: what to change before it is sent for approval again" })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'Enter why the board is sending the return back' })
  @MaxLength(2000, { message: 'The reason must be 2,000 characters or fewer' })
  reason: string;

  @ApiPropertyOptional({ example: '2026-11-05', description: 'Today or in the past' })
  @OptionalNotNull()
  @Validate(PastMeetingDateConstraint)
  meetingDate?: string;

  @ApiPropertyOptional({ example: 'Board minute 2026/114' })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MaxLength(100, { message: 'The minute reference must be 100 characters or fewer' })
  minuteReference?: string;
}

export class ReopenDto implements ReopenRequest {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'Enter the reason for reopening' })
  @MaxLength(2000)
  reason: string;
}
