import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** The longest row id: a UUID (36 characters); seed rows may have shorter ones. */
export const ROW_ID_MAX_LENGTH = 36;

/**
 * A row id in a request body or query (a service, hall, slot, member …): a string of 1 to 36
 * characters, in the OpenAPI document with `doc`. Another value is refused with 400
 * VALIDATION_FAILED naming the field; whether such a row exists (404 NOT_FOUND) is the service's
 * question.
 */
export function IsRowId(doc: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(ApiProperty(doc), IsString(), Length(1, ROW_ID_MAX_LENGTH));
}

/** A row id that may be left out (see IsRowId). */
export function IsOptionalRowId(doc: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional(doc), IsOptional(), IsString(), Length(1, ROW_ID_MAX_LENGTH));
}
