import { needsPrivacyConsent, PRIVACY_TERMS_VERSION } from './account';

describe('needsPrivacyConsent', () => {
  it('asks a citizen until they agreed to the current version, and again after it changes', () => {
    expect(needsPrivacyConsent({ roles: ['citizen'], consentVersion: null })).toBe(true);
    expect(needsPrivacyConsent({ roles: ['citizen'] })).toBe(true);
    expect(needsPrivacyConsent({ roles: ['citizen'], consentVersion: '2000-01-01' })).toBe(true);
    expect(needsPrivacyConsent({ roles: ['citizen'], consentVersion: PRIVACY_TERMS_VERSION })).toBe(false);
  });

  it('never asks staff or admin accounts', () => {
    expect(needsPrivacyConsent({ roles: ['staff'], consentVersion: null })).toBe(false);
    expect(needsPrivacyConsent({ roles: ['admin'], consentVersion: null })).toBe(false);
  });
});
