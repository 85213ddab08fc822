import { stats } from './stats';

describe('stats', () => {
  it('should work', () => {
    expect(stats()).toEqual('stats');
  });
});
