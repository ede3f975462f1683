import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { CreateBundleRequest } from '@gov/shared';

/** POST /admin/bundles */
export class CreateBundleDto implements CreateBundleRequest {
  @ApiProperty({ example: '开办餐饮店' })
  @IsString()
  @Length(2, 100)
  name!: string;

  @ApiProperty({ type: [String], description: '至少 2 个部门的事项，按办理顺序' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 36, { each: true })
  serviceIds!: string[];

  @ApiProperty({ description: '承诺办结时限（工作日）：各部门在此时限内办结' })
  @IsInt()
  @Min(1)
  @Max(60)
  promisedDays!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 200)
  summary?: string;
}
