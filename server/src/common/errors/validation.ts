import { ArgumentMetadata, ValidationError, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { DomainError } from './domain-error';
import { fieldMessages } from './validation.rules';

function flatten(errors: ValidationError[], prefix = ''): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      for (const message of fieldMessages(Object.values(e.constraints))) out.push({ field, message });
    }
    if (e.children && e.children.length > 0) out.push(...flatten(e.children, field));
  }
  return out;
}

/** Past this many remembered queries (they are the public's input) the memo is emptied rather than grown. */
export const MAX_REMEMBERED_QUERIES = 2_000;

/**
 * The ValidationPipe, remembering the queries it found valid: a query seen before (the same DTO
 * and the same parameters, as the public catalogue's searches repeat) is answered with a copy of
 * its checked instance instead of transforming and validating it again (class-transformer and
 * class-validator were a tenth of a cached search's CPU). The validators of query DTOs depend on
 * the value only; invalid queries are not remembered and fail as before. Bodies are validated every time.
 */
export class RememberingValidationPipe extends ValidationPipe {
  private readonly valid = new Map<string, { proto: object; fields: Record<string, unknown> }>();
  /** a number per query DTO class, for the memo's keys */
  private readonly types = new Map<unknown, number>();

  constructor(options: ValidationPipeOptions) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'query' || value === null || typeof value !== 'object' || !this.toValidate(metadata)) return super.transform(value, metadata);
    const key = `${this.typeNumber(metadata.metatype)}:${JSON.stringify(value)}`;
    const hit = this.valid.get(key);
    if (hit) return copyOf(hit.proto, hit.fields);
    const checked: unknown = await super.transform(value, metadata);
    if (checked !== null && typeof checked === 'object') {
      if (this.valid.size >= MAX_REMEMBERED_QUERIES) this.valid.clear();
      this.valid.set(key, { proto: Object.getPrototypeOf(checked) as object, fields: { ...(checked as Record<string, unknown>) } });
    }
    return checked;
  }

  private typeNumber(type: unknown): number {
    let n = this.types.get(type);
    if (n === undefined) this.types.set(type, (n = this.types.size));
    return n;
  }
}

/** A fresh instance with the remembered fields (arrays copied: a handler may sort what it was given). */
function copyOf(proto: object, fields: Record<string, unknown>): object {
  const out = Object.create(proto) as Record<string, unknown>;
  for (const [k, v] of Object.entries(fields)) out[k] = Array.isArray(v) ? [...(v as unknown[])] : v;
  return out;
}

/** Validation of bodies, queries and params; failures are 400 VALIDATION_FAILED listing each field. */
export function createValidationPipe(): ValidationPipe {
  return new RememberingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: false,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: true, // one message per field: the first rule it breaks
    exceptionFactory: (errors) =>
      new DomainError('VALIDATION_FAILED', '提交的信息有误，请检查后重试', { fields: flatten(errors) }),
  });
}
