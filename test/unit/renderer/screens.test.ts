import { describe, expect, it } from 'vitest';
import { settling } from '../../../renderer/src/app/screens';

describe('settling: a read whose result the editor can take in its first render', () => {
  it('has no value until the promise resolves, then the resolved value', async () => {
    let resolve: (value: { title: string }) => void = () => undefined;
    const read = settling(new Promise<{ title: string }>((r) => (resolve = r)));
    expect(read.value).toBeUndefined();
    const doc = { title: 'Cache stampede' };
    resolve(doc);
    await read.promise;
    expect(read.value).toBe(doc);
  });

  it('keeps no value for a read that failed, and still hands the failure to whoever awaits it', async () => {
    const read = settling(Promise.reject(new Error('disk gone')));
    await expect(read.promise).rejects.toThrow('disk gone');
    expect(read.value).toBeUndefined();
  });
});
