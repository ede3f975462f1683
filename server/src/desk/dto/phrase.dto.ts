import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { PhraseRequest, PhraseUpdateRequest } from '@gov/shared';

export class PhraseDto implements PhraseRequest {
  @ApiProperty({ example: '材料模糊不清，请重新拍摄上传' })
  @IsString()
  @Length(2, 200, { message: '补正语为 2-200 个字' })
  text!: string;

  @ApiPropertyOptional({ description: '排序，小的在前', example: 10 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  sortOrder?: number;
}

export class PhraseUpdateDto implements PhraseUpdateRequest {
  @ApiPropertyOptional({ example: '缺少签字或盖章' })
  @IsOptional()
  @IsString()
  @Length(2, 200, { message: '补正语为 2-200 个字' })
  text?: string;

  @ApiPropertyOptional({ example: 20 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  sortOrder?: number;
}

export class SearchQuery {
  @ApiProperty({ description: '办件编号、预约签到码、申请人姓名、手机号后四位（或完整手机号、身份证号）', example: '张三' })
  @IsString()
  @Length(1, 64, { message: '请输入 1-64 个字的查询内容' })
  q!: string;
}
