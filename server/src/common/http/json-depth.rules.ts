import { DomainError } from '../errors/domain-error';

/**
 * How deep a JSON body may nest (objects and arrays inside one another). The deepest body any route
 * takes is a handful of levels (a filing's delivery address, a list of materials); the validation
 * pipe walks a body recursively, so a body nested thousands of levels deep would exhaust the stack
 * there (a 500) instead of being refused.
 */
export const JSON_MAX_DEPTH = 32;

/**
 * Whether `value` nests objects or arrays more than `max` levels deep (a plain value is 0 levels, `{}`
 * one). Walks without recursion, so no input can exhaust the stack here.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** The refusal of a body nested deeper than JSON_MAX_DEPTH: 400 VALIDATION_FAILED naming the body. */
export const tooDeep = (): DomainError =>
  new DomainError('VALIDATION_FAILED', '请求内容层级过深', { fields: [{ field: 'body', message: `对象与数组的嵌套不能超过 ${JSON_MAX_DEPTH} 层` }] });
