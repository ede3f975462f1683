/** A message for people is Chinese; class-validator's own defaults ("phone must be a string") are not. */
const HAN = /\p{Script=Han}/u;

/**
 * The Chinese message for one broken rule of one field: a rule's own Chinese message as it is; for
 * class-validator's English defaults, what the person can act on — the length or range they missed
 * (`@Length(2, 500)` too short → `至少 2 个字`), an empty field, the allowed values — else `格式不正确`.
 * Pure; raises nothing.
 */
export function fieldMessage(message: string): string {
  if (HAN.test(message)) return message;
  let m: RegExpExecArray | null;
  if ((m = /longer than or equal to (\d+) characters?/.exec(message))) return `至少 ${m[1]} 个字`;
  if ((m = /shorter than or equal to (\d+) characters?/.exec(message))) return `最多 ${m[1]} 个字`;
  if ((m = /must contain (?:at least|not less than) (\d+) elements?/.exec(message))) return `至少 ${m[1]} 项`;
  if ((m = /must contain (?:no more than|not more than) (\d+) elements?/.exec(message))) return `最多 ${m[1]} 项`;
  if ((m = /must not be less than (-?[\d.]+)/.exec(message))) return `不能小于 ${m[1]}`;
  if ((m = /must not be greater than (-?[\d.]+)/.exec(message))) return `不能大于 ${m[1]}`;
  if ((m = /must be one of the following values: (.+)$/.exec(message))) return `应为以下之一：${m[1].split(/,\s*/).join('、')}`;
  if (/should not be empty|must not be empty/.test(message)) return '不能为空';
  const type = TYPE_MESSAGES.find(([re]) => re.test(message));
  if (type) return type[1];
  return '格式不正确';
}

/** class-validator's wrong-type defaults, and what the field should have been. */
const TYPE_MESSAGES: ReadonlyArray<readonly [RegExp, string]> = [
  [/must be a string$/, '应为文字'],
  [/must be an array$/, '应为列表'],
  [/must be an integer number$/, '应为整数'],
  [/must be a number conforming/, '应为数字'],
  [/must be a boolean value$/, '应为 true 或 false'],
  [/must be an object$|nested property .* must be either object or array/, '应为对象'],
];

/**
 * The messages of one field's failed constraints: a value of the wrong type (a number where text
 * belongs, text where a list belongs) is named as such alone, since its length or count says nothing.
 */
export function fieldMessages(constraints: string[]): string[] {
  const wrongType = constraints.find((m) => TYPE_MESSAGES.some(([re]) => re.test(m)));
  return (wrongType ? [wrongType] : constraints).map(fieldMessage);
}
