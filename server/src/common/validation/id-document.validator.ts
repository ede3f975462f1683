import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import { ID_FORMAT_MESSAGES, idDocumentProblem, IdType, isIdType, normalizeIdDocumentNumber } from '@gov/shared';

const typeOf = (obj: unknown): IdType | null => {
  const t = (obj as { idType?: unknown } | null)?.idType;
  if (t === undefined || t === null) return 'resident';
  return isIdType(t) ? t : null;
};

/**
 * A document number in the format of the sibling `idType` (`resident` when absent; shared/identity.rules):
 * normalised first (full-width folded, spaces and brackets dropped, upper case). A number of the wrong
 * shape fails validation with that type's format (400 VALIDATION_FAILED); a well-shaped number whose
 * check character is wrong passes here and is refused by the service as INVALID_ID_NUMBER.
 */
export function IsIdDocumentNumber(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeIdDocumentNumber(value) : value)),
    ValidateBy(
      {
        name: 'isIdDocumentNumber',
        validator: {
          validate: (value: unknown, args?: ValidationArguments) => {
            const type = typeOf(args?.object);
            if (type === null || value === '') return true; // idType itself is refused; an empty number is said so beside
            return typeof value === 'string' && idDocumentProblem(type, value) !== 'format';
          },
          defaultMessage: (args?: ValidationArguments) => ID_FORMAT_MESSAGES[typeOf(args?.object) ?? 'resident'],
        },
      },
      options,
    ),
  );
}
