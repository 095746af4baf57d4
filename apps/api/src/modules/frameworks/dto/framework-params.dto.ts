import { ApiPropertyOptional } from '@nestjs/swagger';
import type { CareSetting, FrameworkVersionQuery } from '@wgll/contracts';
import { CARE_SETTINGS, ID_PATTERN, VERSION_PATTERN } from '@wgll/framework';
import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';

export class FrameworkVersionParamsDto {
  @Matches(ID_PATTERN, {
    message:
      'frameworkId must be lower-case letters, digits, dots and dashes, for example wgll-self-assessment',
  })
  @MaxLength(100)
  frameworkId: string;

  @Matches(VERSION_PATTERN, {
    message: 'version must be 1 to 40 letters, digits, dots, dashes or underscores, for example 2026.1',
  })
  version: string;
}

export class FrameworkVersionQueryDto implements FrameworkVersionQuery {
  @ApiPropertyOptional({
    enum: CARE_SETTINGS,
    description: 'Only the domains that apply to this care setting',
  })
  @IsOptional()
  @IsIn(CARE_SETTINGS, { message: `careSetting must be one of ${CARE_SETTINGS.join(', ')}` })
  careSetting?: CareSetting;
}
