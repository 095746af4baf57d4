import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  DeliveryStatus,
  EmailDeliveryQuery,
  MarkNoticesRead,
  NotificationKind,
  SaveNotificationPreferences,
  Unsubscribe,
} from '@wgll/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../../common/page-query.js';
import { OPTIONAL_KINDS } from '../notification-kinds.js';

export class MarkNoticesReadDto implements MarkNoticesRead {
  @ApiPropertyOptional({ type: [String], description: 'Omitted: every notice' })
  @IsOptional()
  @IsArray({ message: 'ids must be a list of notice ids' })
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'each id must be a notice id' })
  ids?: string[];
}

export class PreferenceItemDto {
  @ApiProperty({ enum: OPTIONAL_KINDS })
  @IsIn(OPTIONAL_KINDS, { message: `kind must be one of ${OPTIONAL_KINDS.join(', ')}` })
  kind: NotificationKind;

  @ApiProperty()
  @IsBoolean({ message: 'email must be true or false' })
  email: boolean;
}

export class SavePreferencesDto implements SaveNotificationPreferences {
  @ApiProperty({ type: [PreferenceItemDto] })
  @IsArray({ message: 'items must be a list' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PreferenceItemDto)
  items: PreferenceItemDto[];
}

export class UnsubscribeQuery implements Unsubscribe {
  @ApiProperty({ description: 'The token from the e-mail’s unsubscribe link' })
  @IsString({ message: 'token is required' })
  @MaxLength(300, { message: 'This unsubscribe link is not valid' })
  token: string;
}

/** RFC 8058: a mail program POSTs `List-Unsubscribe=One-Click` as a form; the token is in the address. */
export class OneClickBodyDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  'List-Unsubscribe'?: string;
}

const STATUSES: DeliveryStatus[] = ['queued', 'sending', 'sent', 'failed', 'outbox'];

export class DeliveryQueryDto extends PageQuery implements EmailDeliveryQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: DeliveryStatus;
}

export class DeliveryParams {
  @ApiProperty()
  @IsUUID('all', { message: 'id must be an e-mail id' })
  id: string;
}
