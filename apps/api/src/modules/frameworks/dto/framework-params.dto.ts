import { ApiPropertyOptional } from '@nestjs/swagger';
import type { CareSetting, FrameworkVersionQuery } from '@wgll/contracts';
import { CARE_SETTINGS } from '@wgll/framework';
import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';

export class FrameworkVersionParamsDto {
  @Matches(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, {
    message:
      'frameworkId must be lower-case letters, digits, dots and dashes, for example wgll-self-assessment',
  })
  @MaxLength(100)
  frameworkId: string;

  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    message: 'version must be letters, digits, dots, dashes or underscores',
  })
  @MaxLength(40)
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
