import 'reflect-metadata';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, validate, ValidateNested } from 'class-validator';
import { NestedList } from './nested-list';

class ItemDto {
  @IsInt() n!: number;
}

/** The same lists written out decorator by decorator, as the DTOs had them. */
class Written {
  @ApiProperty({ type: ItemDto, isArray: true, description: '条目' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ValidateNested({ each: true })
  @Type(() => ItemDto)
  items!: ItemDto[];

  @ApiPropertyOptional({ type: ItemDto, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  @ValidateNested({ each: true })
  @Type(() => ItemDto)
  extra?: ItemDto[];
}

class Shared {
  @NestedList(ItemDto, 2, { min: 1, description: '条目' })
  items!: ItemDto[];

  @NestedList(ItemDto, 2, { optional: true })
  extra?: ItemDto[];
}

/** Where @nestjs/swagger keeps a property's documentation. */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

const problems = async (cls: new () => object, body: object) =>
  (await validate(plainToInstance(cls, body))).map((e) => ({ property: e.property, constraints: JSON.stringify(e.constraints), children: JSON.stringify(e.children) }));

describe('NestedList: a list of nested bodies in one decorator', () => {
  it('refuses and accepts exactly what the decorators written out do, with the same messages in the same order', async () => {
    const bodies = [
      { items: [{ n: 1 }] },
      { items: [{ n: 1 }], extra: [{ n: 2 }, { n: 3 }] },
      { items: [] },
      { items: [{ n: 1 }, { n: 2 }, { n: 3 }] },
      { items: 'x', extra: 5 },
      { items: [{ n: 'x' }], extra: [{ n: 1.5 }] },
      {},
    ];
    for (const body of bodies) expect(await problems(Shared, body)).toEqual(await problems(Written, body));
    expect(await problems(Shared, { items: [{ n: 1 }] })).toEqual([]);
    expect((await problems(Shared, { items: 'x' }))[0].property).toBe('items');
  });

  it('documents the field as the written-out decorators did', () => {
    for (const field of ['items', 'extra']) {
      expect(Reflect.getMetadata(API_MODEL_PROPERTIES, Shared.prototype, field)).toEqual(
        Reflect.getMetadata(API_MODEL_PROPERTIES, Written.prototype, field),
      );
    }
  });
});
