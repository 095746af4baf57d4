import { ApiProperty } from '@nestjs/swagger';
import type { PeerContact, PeerNote, SavePeerSharingRequest } from '@wgll/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { trim } from '../../../common/validation.js';

const DOMAIN_ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

export class PeerContactDto implements PeerContact {
  @ApiProperty({ example: 'Amara Ahmed' })
  @Transform(trim)
  @IsString({ message: 'Enter the contact’s name' })
  @MinLength(1, { message: 'Enter the contact’s name' })
  @MaxLength(120, { message: 'The contact’s name must be 120 characters or fewer' })
  name: string;

  @ApiProperty({ example: 'Chief Clinical Information Officer' })
  @Transform(trim)
  @IsString({ message: 'Enter the contact’s role' })
  @MinLength(1, { message: 'Enter the contact’s role' })
  @MaxLength(120, { message: 'The contact’s role must be 120 characters or fewer' })
  role: string;

  @ApiProperty({ example: 'amara.ahmed@nhs.net' })
  @Transform(trim)
  @IsString({ message: 'Enter the contact’s e-mail address' })
  @MaxLength(254, { message: 'The e-mail address must be 254 characters or fewer' })
  @IsEmail({}, { message: 'Enter an e-mail address in the right format, like name@nhs.net' })
  email: string;
}

export class PeerNoteDto implements PeerNote {
  @ApiProperty()
  @IsString({ message: 'domainId must be a domain id of the framework' })
  @Matches(DOMAIN_ID, { message: 'domainId must be a domain id of the framework' })
  @MaxLength(100)
  domainId: string;

  @ApiProperty({ maxLength: 1000 })
  @Transform(trim)
  @IsString({ message: 'note must be text' })
  @MaxLength(1000, { message: 'A note must be 1,000 characters or fewer' })
  note: string;
}

export class SavePeerSharingDto implements SavePeerSharingRequest {
  @ApiProperty({ description: 'The version the change is based on; 0 when never saved' })
  @IsInt({ message: 'baseVersion must be a whole number' })
  @Min(0)
  @Max(2_147_483_647)
  baseVersion: number;

  @ApiProperty()
  @IsBoolean({ message: 'named must be true or false' })
  named: boolean;

  @ApiProperty({ type: PeerContactDto, nullable: true })
  @ValidateIf((_o: object, value: unknown) => value !== null)
  @IsObject({ message: 'contact must be an object with name, role and email, or null' })
  @ValidateNested()
  @Type(() => PeerContactDto)
  contact: PeerContactDto | null;

  @ApiProperty()
  @IsBoolean({ message: 'contactConsent must be true or false' })
  contactConsent: boolean;

  @ApiProperty({ type: [PeerNoteDto] })
  @IsArray({ message: 'notes must be a list' })
  @ArrayMaxSize(200)
  @IsObject({ each: true, message: 'each note must be an object such as { "domainId": "…", "note": "…" }' })
  @ValidateNested({ each: true })
  @Type(() => PeerNoteDto)
  notes: PeerNoteDto[];

  @ApiProperty({ type: [String] })
  @IsArray({ message: 'shareableEvidenceIds must be a list' })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'each shareable evidence id must be an evidence id' })
  shareableEvidenceIds: string[];
}

export class PeersParams {
  @IsUUID('all', { message: 'id must be a return id' })
  id: string;
}

export class PeersQuery {
  @ApiProperty({ description: 'The domain of the return to compare' })
  @IsString({ message: 'Choose a domain of the return' })
  @Matches(DOMAIN_ID, { message: 'domain must be a domain id of the framework' })
  @MaxLength(100)
  domain: string;
}
