import { ApiProperty } from '@nestjs/swagger';
import type { ConfirmMatchesRequest } from '@wgll/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class ImportIdParam {
  @IsUUID('all', { message: 'id must be an import id' })
  id: string;
}

export class ConfirmMatchDto {
  @ApiProperty({ enum: ['organisation', 'ics'] })
  @IsIn(['organisation', 'ics'], { message: 'kind must be organisation or ics' })
  kind: 'organisation' | 'ics';

  @ApiProperty({ description: 'The name as the file writes it' })
  @IsString()
  @MaxLength(300)
  publishedName: string;

  @ApiProperty({ example: 'RJ1' })
  @IsString()
  @Matches(/^[A-Za-z0-9]{3,6}$/, { message: 'odsCode must be an ODS code, for example RJ1' })
  odsCode: string;
}

export class ConfirmMatchesDto implements ConfirmMatchesRequest {
  @ApiProperty({ type: [ConfirmMatchDto] })
  @IsArray({ message: 'matches must be a list' })
  @IsObject({ each: true, message: 'each match must be an object with kind, publishedName and odsCode' })
  @ValidateNested({ each: true })
  @ArrayMinSize(1, { message: 'matches must confirm at least one name' })
  @ArrayMaxSize(1000)
  @Type(() => ConfirmMatchDto)
  matches: ConfirmMatchDto[];
}
