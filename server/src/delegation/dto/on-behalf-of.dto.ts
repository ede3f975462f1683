import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { ON_BEHALF_TYPES, OnBehalfType } from '@gov/shared';

/** In whose name a booking, off-hours request or filing is made: a principal person or an enterprise (see ActingService). */
export class OnBehalfOfDto {
  @ApiProperty({ enum: ON_BEHALF_TYPES })
  @IsIn(ON_BEHALF_TYPES)
  type!: OnBehalfType;

  @ApiProperty()
  @IsString()
  @Length(1, 36)
  id!: string;
}
