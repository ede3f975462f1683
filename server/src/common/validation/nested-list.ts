import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, ValidateNested } from 'class-validator';

export interface NestedListOptions {
  /** at least this many items */
  min?: number;
  /** the field may be left out */
  optional?: boolean;
  /** for the API docs */
  description?: string;
}

/**
 * A list of nested bodies of the class `of`: an array of at most `max` items (at least `min` when
 * given), each turned into `of` and validated as such (400 VALIDATION_FAILED names the item's field).
 */
export function NestedList(of: new () => object, max: number, o: NestedListOptions = {}): PropertyDecorator {
  const doc = { type: of, isArray: true, ...(o.description === undefined ? {} : { description: o.description }) };
  // as if written one above the other, in this order: applied bottom first, so that the failed
  // constraints (and so the messages of a 400) come in the same order as they always did
  const stacked: PropertyDecorator[] = [
    ...(o.optional ? [ApiPropertyOptional(doc), IsOptional()] : [ApiProperty(doc)]),
    IsArray(),
    ...(o.min === undefined ? [] : [ArrayMinSize(o.min)]),
    ArrayMaxSize(max),
    ValidateNested({ each: true }),
    Type(() => of),
  ];
  return applyDecorators(...stacked.reverse());
}
