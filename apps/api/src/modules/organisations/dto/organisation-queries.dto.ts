import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import type { IcsListQuery, OrganisationListQuery, TrustType } from '@wgll/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/page-query.js';
import { AtDateQuery } from '../../../common/at-date.js';

export const TRUST_TYPES: TrustType[] = [
  'acute',
  'acute-specialist',
  'mental-health-ld',
  'community',
  'ambulance',
];
export const ODS_CODE = /^[A-Z0-9]{3,6}$/;
const ODS_MESSAGE = '$property must be an ODS code: 3 to 6 letters and digits, for example QKK';

export const upperTrim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;
const booleanText = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ListOrganisationsQueryDto
  extends IntersectionType(AtDateQuery, PageQuery)
  implements OrganisationListQuery
{
  @ApiPropertyOptional({ description: 'Part of a name or an ODS code, case-insensitive', example: 'guy' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Region ODS code', example: 'Y56' })
  @IsOptional()
  @Transform(upperTrim)
  @Matches(ODS_CODE, { message: ODS_MESSAGE })
  region?: string;

  @ApiPropertyOptional({ description: 'ICS (ICB) ODS code', example: 'QKK' })
  @IsOptional()
  @Transform(upperTrim)
  @Matches(ODS_CODE, { message: ODS_MESSAGE })
  ics?: string;

  @ApiPropertyOptional({ enum: TRUST_TYPES })
  @IsOptional()
  @IsIn(TRUST_TYPES, { message: `type must be one of ${TRUST_TYPES.join(', ')}` })
  type?: TrustType;

  @ApiPropertyOptional({
    description: 'Include organisations closed or not yet open on `at`',
    default: false,
  })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'includeClosed must be true or false' })
  includeClosed?: boolean;
}

export class ListIcsQueryDto extends AtDateQuery implements IcsListQuery {
  @ApiPropertyOptional({ description: 'Region ODS code', example: 'Y56' })
  @IsOptional()
  @Transform(upperTrim)
  @Matches(ODS_CODE, { message: ODS_MESSAGE })
  region?: string;
}

export class OdsCodeParamDto {
  @Transform(upperTrim)
  @Matches(ODS_CODE, { message: ODS_MESSAGE })
  code: string;
}
