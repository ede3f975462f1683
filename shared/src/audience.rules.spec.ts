import { audienceAllows, audienceMessage, audienceVerdict, principalType } from './audience.rules';

describe('audience: who a service is for against whom the filing is for', () => {
  it('refuses a person-only service for a company', () => {
    expect(audienceVerdict('person', 'enterprise')).toBe('person_only');
    expect(audienceAllows('person', 'enterprise')).toBe(false);
  });
  it('refuses a company-only service for a person', () => {
    expect(audienceVerdict('enterprise', 'person')).toBe('enterprise_only');
    expect(audienceAllows('enterprise', 'person')).toBe(false);
  });
  it('lets each audience serve its own kind, and `both` serve either', () => {
    expect(audienceVerdict('person', 'person')).toBe('ok');
    expect(audienceVerdict('enterprise', 'enterprise')).toBe('ok');
    expect(audienceVerdict('both', 'person')).toBe('ok');
    expect(audienceVerdict('both', 'enterprise')).toBe('ok');
  });
  it('says why in Chinese', () => {
    expect(audienceMessage('person_only')).toBe('该事项仅面向个人办理，不能以企业名义申请');
    expect(audienceMessage('person_only', '户口迁移')).toBe('“户口迁移”仅面向个人办理，不能以企业名义申请');
    expect(audienceMessage('enterprise_only')).toBe('该事项仅面向企业（法人）办理，请切换为以企业名义办理');
  });
  it('takes the principal kind from onBehalfOf: none or a person is a person, an enterprise is an enterprise', () => {
    expect(principalType(undefined)).toBe('person');
    expect(principalType(null)).toBe('person');
    expect(principalType({ type: 'person' })).toBe('person');
    expect(principalType({ type: 'enterprise' })).toBe('enterprise');
  });
});
