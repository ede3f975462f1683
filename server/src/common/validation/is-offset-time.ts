import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * `YYYY-MM-DDTHH:mm[:ss[.fff]]` followed by `Z` or `±HH:mm` (`±HHmm`). A time without an offset would be
 * read in the host's zone (a slot "09:00" lands at 17:00 Beijing time on a UTC host), so API.md refuses it.
 */
const OFFSET_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;

/** True for an ISO 8601 time that carries its offset and names a real calendar day. */
export function isOffsetTime(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = OFFSET_TIME.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

/**
 * A time field of a body or query: ISO 8601 with an offset (`2026-12-14T09:00:00+08:00` or `…Z`).
 * Anything else (`2026-12-14T09:00:00`, `2026-12-14 09:00`, a date alone) fails validation: 400
 * VALIDATION_FAILED with `details.fields: [{ field, message }]` naming the field.
 */
export function IsOffsetTime(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isOffsetTime',
      validator: {
        validate: (value: unknown) => isOffsetTime(value),
        defaultMessage: (args?: ValidationArguments) => `${args?.property ?? '时间'} 须为带时区的时间，如 2026-12-14T09:00:00+08:00`,
      },
    },
    options,
  );
}
