import { BadRequestException } from '@nestjs/common';
import { ID_PIPE, wholeNumberParam } from './whole-number-param';

describe('wholeNumberParam', () => {
  const metadata = { type: 'param' as const, data: 'id' };

  it('reads a whole number', async () => {
    await expect(ID_PIPE.transform('42', metadata)).resolves.toBe(42);
  });

  it('answers anything else with a 400 that names the parameter', async () => {
    await expect(ID_PIPE.transform('4.5', metadata)).rejects.toThrow(
      new BadRequestException('id must be a whole number'),
    );
    await expect(wholeNumberParam('programId').transform('one', metadata)).rejects.toThrow(
      new BadRequestException('programId must be a whole number'),
    );
  });
});
