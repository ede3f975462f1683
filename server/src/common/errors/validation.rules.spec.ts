import { fieldMessage, fieldMessages } from './validation.rules';

describe('fieldMessage', () => {
  it('keeps a rule’s own Chinese message', () => {
    expect(fieldMessage('手机号格式不正确')).toBe('手机号格式不正确');
  });

  it('names the length a text missed (class-validator @Length / @MinLength / @MaxLength)', () => {
    expect(fieldMessage('reason must be longer than or equal to 2 characters')).toBe('至少 2 个字');
    expect(fieldMessage('reason must be shorter than or equal to 500 characters')).toBe('最多 500 个字');
  });

  it('names the range, the count, the allowed values and an empty field', () => {
    expect(fieldMessage('capacity must not be less than 1')).toBe('不能小于 1');
    expect(fieldMessage('capacity must not be greater than 500')).toBe('不能大于 500');
    expect(fieldMessage('materialIds must contain at least 1 elements')).toBe('至少 1 项');
    expect(fieldMessage('materialIds must contain no more than 50 elements')).toBe('最多 50 项');
    expect(fieldMessage('kind must be one of the following values: helper, remote, one_to_one')).toBe('应为以下之一：helper、remote、one_to_one');
    expect(fieldMessage('answer should not be empty')).toBe('不能为空');
  });

  it('says 格式不正确 for any other English default', () => {
    expect(fieldMessage('bundleId must be a UUID')).toBe('格式不正确');
  });

  it('names a wrong type alone, not the length or count it then also misses', () => {
    expect(fieldMessages(['bundleId must be a string', 'bundleId must be shorter than or equal to 36 characters'])).toEqual(['应为文字']);
    expect(fieldMessages(['serviceIds must contain no more than 10 elements', 'serviceIds must be an array'])).toEqual(['应为列表']);
    expect(fieldMessages(['capacity must not be less than 1', 'capacity must be an integer number'])).toEqual(['应为整数']);
    expect(fieldMessages(['reason must be longer than or equal to 2 characters'])).toEqual(['至少 2 个字']);
  });
});
