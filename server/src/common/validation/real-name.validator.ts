import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import { idTypeAllowsLatinName, isIdType, LATIN_REAL_NAME_MESSAGE, normalizeRealName, REAL_NAME_MESSAGE } from '@gov/shared';

/** The document type of the object being validated (`idType` beside the name; `resident` when absent). */
const latinAllowed = (obj: unknown): boolean => {
  const t = (obj as { idType?: unknown } | null)?.idType;
  return isIdType(t) && idTypeAllowsLatinName(t);
};

/**
 * A real name as printed on the holder's document (shared/names.rules): 2–30 CJK ideographs of any
 * block with minority-name separators written `·`; for passports and 外国人永久居留身份证 (the sibling
 * `idType`) also a Latin name, upper-cased with single spaces. Normalised before validation; what cannot
 * be read stays as sent and fails (400 VALIDATION_FAILED naming the field).
 */
export function IsRealName(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    Transform(({ value, obj }: { value: unknown; obj: unknown }) => normalizeRealName(value, latinAllowed(obj)) ?? value),
    ValidateBy(
      {
        name: 'isRealName',
        validator: {
          validate: (value: unknown, args?: ValidationArguments) => normalizeRealName(value, latinAllowed(args?.object)) === value,
          defaultMessage: (args?: ValidationArguments) => (latinAllowed(args?.object) ? LATIN_REAL_NAME_MESSAGE : REAL_NAME_MESSAGE),
        },
      },
      options,
    ),
  );
}
