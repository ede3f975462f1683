import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';
import { fieldMessage } from './validation.rules';

function flatten(errors: ValidationError[], prefix = ''): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      for (const m of Object.values(e.constraints)) out.push({ field, message: fieldMessage(m) });
    }
    if (e.children && e.children.length > 0) out.push(...flatten(e.children, field));
  }
  return out;
}

/** Validation of bodies, queries and params; failures are 400 VALIDATION_FAILED listing each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: false,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: true, // one message per field: the first rule it breaks
    exceptionFactory: (errors) =>
      new DomainError('VALIDATION_FAILED', '提交的信息有误，请检查后重试', { fields: flatten(errors) }),
  });
}
