import { loadConfig } from '../config/app-config';
import { CertificateSigner } from './certificate-signer';

describe('the centre signs certificates with SM2/SM3', () => {
  const signer = new CertificateSigner(loadConfig({ CERT_SIGNING_KEY: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8' }));
  const content = '{"holder":{"name":"清河市好运来餐饮有限公司"},"number":"ZZ20261207-23456789","type":"食品经营许可证"}';

  it('checks its own signature of the content', () => {
    const sig = signer.sign(content);
    expect(sig).toMatch(/^[0-9a-f]{128}$/);
    expect(signer.verify(content, sig, signer.keyId)).toBe(true);
  });

  it('refuses the content with one byte changed, a changed signature, another key id and another key', () => {
    const sig = signer.sign(content);
    const bytes = Buffer.from(content, 'utf8');
    bytes[10] ^= 1;
    expect(signer.verify(bytes.toString('utf8'), sig, signer.keyId)).toBe(false);
    const flipped = (sig[0] === 'a' ? 'b' : 'a') + sig.slice(1);
    expect(signer.verify(content, flipped, signer.keyId)).toBe(false);
    expect(signer.verify(content, sig, '0000000000000000')).toBe(false);
    expect(signer.verify(content, 'not hex', signer.keyId)).toBe(false);
    const other = new CertificateSigner(loadConfig({ CERT_SIGNING_KEY: '1'.repeat(64) }));
    expect(other.verify(content, sig, other.keyId)).toBe(false);
  });
});
