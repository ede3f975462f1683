import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { Page } from '@gov/shared';
import { pageOf, pageParams } from './paging.rules';

const POSITIVE_INT = /^[1-9]\d{0,5}$/;

/** `page` and `pageSize` of a list query, checked as positive whole numbers (GET /services, the staff lists). */
export class PageParams {
  @ApiPropertyOptional({ description: '从 1 开始', example: 1 })
  @IsOptional()
  @Matches(POSITIVE_INT, { message: 'page 须为正整数' })
  page?: string;

  @ApiPropertyOptional({ description: '默认 20；超过 50 按 50 计', example: 20 })
  @IsOptional()
  @Matches(POSITIVE_INT, { message: 'pageSize 须为正整数' })
  pageSize?: string;
}

/**
 * Opt-in paging of a staff list. Without `page` the route answers the whole list as an array (as
 * API.md and its existing clients read it); with `page` it answers `{ items, total, page, pageSize }`
 * like GET /services (page size 20 by default, at most 50).
 */
export class PageQuery extends PageParams {}

export type Listed<T> = T[] | Page<T>;

/** The whole list, or one page of it when the query asked for a page. */
export function listOrPage<T>(items: T[], q: PageQuery): Listed<T> {
  if (q.page === undefined) return items;
  const { page, pageSize } = pageParams(Number(q.page), q.pageSize === undefined ? undefined : Number(q.pageSize));
  return { items: pageOf(items, page, pageSize), total: items.length, page, pageSize };
}
