import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import type { GuidanceAnswersRequest } from '@gov/shared';

export class GuidanceAnswersDto implements GuidanceAnswersRequest {
  @ApiProperty({ example: { form: 'individual', leisure: 'no', staff: 'yes' } })
  @IsObject()
  answers!: Record<string, string>;
}
