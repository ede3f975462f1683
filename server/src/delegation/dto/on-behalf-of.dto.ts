import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { ON_BEHALF_TYPES, OnBehalfType } from '@gov/shared';
import { IsRowId } from '../../common/validation/row-id';

/** In whose name a booking, off-hours request or filing is made: a principal person or an enterprise (see ActingService). */
export class OnBehalfOfDto {
  @ApiProperty({ enum: ON_BEHALF_TYPES })
  @IsIn(ON_BEHALF_TYPES)
  type!: OnBehalfType;

  @IsRowId()
  id!: string;
}

/**
 * The optional `onBehalfOf` of a create request (booking, off-hours request, filing), checked as an
 * OnBehalfOfDto (400 VALIDATION_FAILED otherwise); left out, the caller acts for themself.
 */
export function IsOptionalOnBehalfOf(): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ type: OnBehalfOfDto }), IsOptional(), ValidateNested(), Type(() => OnBehalfOfDto));
}
