import 'reflect-metadata';
import type { ArgumentMetadata } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { DomainError } from './domain-error';
import { createValidationPipe } from './validation';

class SearchQuery {
  @IsOptional()
  @IsString()
  @Length(1, 20)
  q?: string;

  @IsOptional()
  @IsIn(['person', 'enterprise'])
  audience?: string;
}

class OtherQuery {
  @IsOptional()
  @IsIn(['a'])
  q?: string;
}

const asQuery = (metatype: new () => object): ArgumentMetadata => ({ type: 'query', metatype, data: undefined });

describe('the validation pipe, remembering valid queries', () => {
  it('answers a repeated query with its own instance of the DTO, as the first answer, unknown fields dropped', async () => {
    const pipe = createValidationPipe();
    const first = await pipe.transform({ q: '营业执照', extra: 'x' }, asQuery(SearchQuery));
    const again = (await pipe.transform({ q: '营业执照', extra: 'x' }, asQuery(SearchQuery))) as SearchQuery;
    expect(first).toBeInstanceOf(SearchQuery);
    expect(again).toBeInstanceOf(SearchQuery);
    expect(again).toEqual({ q: '营业执照' });
    expect(again).not.toBe(first);
    again.q = 'changed';
    expect(await pipe.transform({ q: '营业执照', extra: 'x' }, asQuery(SearchQuery))).toEqual({ q: '营业执照' });
  });

  it('refuses an invalid query every time, and keeps the DTOs apart', async () => {
    const pipe = createValidationPipe();
    for (let i = 0; i < 2; i++) await expect(pipe.transform({ audience: 'nobody' }, asQuery(SearchQuery))).rejects.toBeInstanceOf(DomainError);
    expect(await pipe.transform({ q: 'b' }, asQuery(SearchQuery))).toEqual({ q: 'b' });
    await expect(pipe.transform({ q: 'b' }, asQuery(OtherQuery))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'q' }] } });
  });

  it('validates bodies as before', async () => {
    const pipe = createValidationPipe();
    const body: ArgumentMetadata = { type: 'body', metatype: SearchQuery, data: undefined };
    expect(await pipe.transform({ q: 'ok' }, body)).toEqual({ q: 'ok' });
    await expect(pipe.transform({ q: '' }, body)).rejects.toBeInstanceOf(DomainError);
  });
});
