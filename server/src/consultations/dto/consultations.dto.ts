import { IsOptionalRowId } from '../../common/validation/row-id';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CONSULTATION_STATUSES, type ConsultationAnswerRequest, type ConsultationCreateRequest, type ConsultationStatus } from '@gov/shared';
import { IsOptionalOnBehalfOf, OnBehalfOfDto } from '../../delegation/dto/on-behalf-of.dto';
import { IsRowId } from '../../common/validation/row-id';

export class CreateConsultationDto implements ConsultationCreateRequest {
  @IsOptional() @IsRowId() serviceId?: string;
  @IsOptional() @IsRowId() hallId?: string;
  @ApiProperty({ example: '个体工商户登记可以用租来的房子做经营场所吗？' }) @IsString() @Length(1, 1000) question!: string;

  @IsOptionalOnBehalfOf()
  onBehalfOf?: OnBehalfOfDto;
}

export class AnswerConsultationDto implements ConsultationAnswerRequest {
  @ApiProperty({ example: '可以，提交租赁合同和出租方的产权证明即可。' }) @IsString() @Length(1, 2000) answer!: string;
  @IsOptionalRowId({ description: '答复附上的办事指南（事项 id）' }) guideServiceId?: string;
}

export class ConsultationQuery {
  @ApiPropertyOptional({ enum: CONSULTATION_STATUSES })
  @IsOptional()
  @IsIn(CONSULTATION_STATUSES)
  status?: ConsultationStatus;
}
