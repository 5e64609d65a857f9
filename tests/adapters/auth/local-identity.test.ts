import { localCaller } from '../../../src/adapters/auth/local-identity';
import { UnauthenticatedError } from '../../../src/domain/errors';

const TENANT = '7d3f6a52-1c9e-4b8a-9f3e-2a6c0d5e8b41';

describe('localCaller', () => {
  it('returns the named AAD object id in the local tenant, lower-cased', () => {
    expect(localCaller(' A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D ', TENANT)).toEqual({
      tenantId: TENANT,
      userId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      name: '',
      username: null,
    });
  });

  it.each([undefined, '', 'alice', '29:1abc', 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d/../x'])(
    'refuses %p and tells the tab how to pick a member',
    (value) => {
      expect(() => localCaller(value, TENANT)).toThrow(UnauthenticatedError);
      expect(() => localCaller(value, TENANT)).toThrow(
        "Pick a member: send X-Local-User with a member's AAD object id (local mode only).",
      );
    },
  );
});
