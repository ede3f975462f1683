import { APPLICATION_STATUSES } from './enums';
import { isEditable } from './filing.rules';

describe('editable filings', () => {
  it('only a draft or a filing waiting for its correction takes new materials', () => {
    expect(APPLICATION_STATUSES.filter(isEditable)).toEqual(['draft', 'correction_required']);
  });
});
