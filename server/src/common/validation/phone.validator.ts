import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { isValidPhone, normalizePhone, PHONE_MESSAGE } from '@gov/shared';

/**
 * A mainland mobile number as people type it (`+86 139 0012 3456`, `139-0012-3456`, full-width digits):
 * normalised to its 11 digits before validation, so that the controller, the store and the look-up hash
 * all see the same number (shared/phone.rules). What cannot be read stays as sent and fails: 400
 * VALIDATION_FAILED naming the field, "请输入正确的 11 位手机号".
 */
export function IsMainlandPhone(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => normalizePhone(value) ?? value),
    ValidateBy(
      { name: 'isMainlandPhone', validator: { validate: (value: unknown) => typeof value === 'string' && isValidPhone(value), defaultMessage: () => PHONE_MESSAGE } },
      options,
    ),
  );
}
