import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apiHeapFlag, DEFAULT_API_HEAP_MB, SHELL_API_HEAP_FLAG } from './api-heap';

const WORKSPACE = path.resolve(__dirname, '../../../..');

describe("the API's heap limit", () => {
  it('is the default unless IOP_API_HEAP_MB sets it, and a wrong value is refused', () => {
    expect(apiHeapFlag({})).toBe(`--max-old-space-size=${DEFAULT_API_HEAP_MB}`);
    expect(apiHeapFlag({ IOP_API_HEAP_MB: '1024' })).toBe('--max-old-space-size=1024');
    expect(() => apiHeapFlag({ IOP_API_HEAP_MB: '1g' })).toThrow(/whole number of megabytes, got "1g"/);
    expect(() => apiHeapFlag({ IOP_API_HEAP_MB: '0' })).toThrow(RangeError);
  });

  // The benchmarks start the API with apiHeapFlag; what they measure is the product only if `npm start` and the
  // Docker image start it with the same limit.
  it('is what `npm start` and the Docker image start the API with', () => {
    const packageJson = JSON.parse(readFileSync(path.join(WORKSPACE, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(packageJson.scripts['start']).toBe(
      `tsx ${SHELL_API_HEAP_FLAG} --tsconfig tsconfig.base.json tools/launcher/src/main.ts`,
    );
    const dockerfile = readFileSync(path.join(WORKSPACE, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain(`CMD ["sh", "-c", "exec node ${SHELL_API_HEAP_FLAG} api/main.js"]`);
  });
});
