import { checkPostalAddress, maskPostalAddress } from './delivery.rules';

describe('the postal address for delivery by post', () => {
  it('takes an address as people type it: spaces trimmed, the phone as 11 digits', () => {
    const r = checkPostalAddress({ name: ' 张小三 ', phone: '+86 139 0012 3456', region: '河南省 清河市  龙湖区', detail: '人民大道168号 3单元501' });
    expect(r).toEqual({ address: { name: '张小三', phone: '13900123456', region: '河南省 清河市 龙湖区', detail: '人民大道168号 3单元501' }, problems: [] });
  });

  it('names every missing or bad field once', () => {
    const r = checkPostalAddress({ name: '', phone: '12345', region: ' ', detail: '1号' });
    expect(r.address).toBeNull();
    expect(r.problems.map((p) => p.field)).toEqual(['address.name', 'address.phone', 'address.region', 'address.detail']);
    expect(checkPostalAddress(undefined).problems).toHaveLength(4);
  });

  it('shows the name and phone masked, never whole', () => {
    expect(maskPostalAddress({ name: '张小三', phone: '13900123456', region: '河南省清河市', detail: '人民大道168号' })).toEqual({
      name: '张*三',
      phone: '139****3456',
      region: '河南省清河市',
      detail: '人民大道168号',
    });
  });
});
