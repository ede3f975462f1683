import { failed, KeyedBatcher, Outcome, succeeded } from './batching.rules';

/** A write that holds each batch open until released, recording what it was given. */
function gatedWriter() {
  const batches: Array<{ key: string; items: number[]; release: (o?: Array<Outcome<string>> | Error) => void }> = [];
  const write = (key: string, items: number[]) =>
    new Promise<Array<Outcome<string>>>((resolve, reject) => {
      batches.push({
        key,
        items,
        release: (o) => (o instanceof Error ? reject(o) : resolve(o ?? items.map((i) => succeeded(`${key}:${i}`)))),
      });
    });
  return { batches, write };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('KeyedBatcher', () => {
  it('writes the first item alone at once and the items that arrive meanwhile together next, in arrival order', async () => {
    const { batches, write } = gatedWriter();
    const b = new KeyedBatcher(write, 100);
    const answers = [1, 2, 3, 4].map((i) => b.submit('slot', i));
    await tick();
    expect(batches.map((x) => x.items)).toEqual([[1]]);
    batches[0].release();
    await tick();
    expect(batches.map((x) => x.items)).toEqual([[1], [2, 3, 4]]);
    batches[1].release();
    expect(await Promise.all(answers)).toEqual(['slot:1', 'slot:2', 'slot:3', 'slot:4']);
    expect(b.busyKeys).toBe(0);
  });

  it('puts at most `max` items in one write', async () => {
    const { batches, write } = gatedWriter();
    const b = new KeyedBatcher(write, 2);
    const answers = [1, 2, 3, 4, 5].map((i) => b.submit('slot', i));
    for (let n = 0; n < 3; n++) {
      await tick();
      batches[n].release();
    }
    await Promise.all(answers);
    expect(batches.map((x) => x.items)).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('does not make one key wait for another', async () => {
    const { batches, write } = gatedWriter();
    const b = new KeyedBatcher(write, 100);
    void b.submit('a', 1);
    void b.submit('b', 2);
    await tick();
    expect(batches.map((x) => [x.key, x.items])).toEqual([
      ['a', [1]],
      ['b', [2]],
    ]);
    expect(b.busyKeys).toBe(2);
  });

  it("settles each item with its own outcome, and every item of a batch with the write's error when it throws", async () => {
    const { batches, write } = gatedWriter();
    const b = new KeyedBatcher(write, 100);
    const first = b.submit('slot', 1);
    const second = b.submit('slot', 2);
    const third = b.submit('slot', 3);
    await tick();
    batches[0].release(new Error('database gone'));
    await expect(first).rejects.toThrow('database gone');
    await tick();
    batches[1].release([succeeded('two'), failed(new Error('full'))]);
    await expect(second).resolves.toBe('two');
    await expect(third).rejects.toThrow('full');
    expect(b.busyKeys).toBe(0);
  });

  it('starts afresh for a key once its writes are done', async () => {
    const { batches, write } = gatedWriter();
    const b = new KeyedBatcher(write, 100);
    const one = b.submit('slot', 1);
    await tick();
    batches[0].release();
    await one;
    const two = b.submit('slot', 2);
    await tick();
    batches[1].release();
    await expect(two).resolves.toBe('slot:2');
    expect(batches.map((x) => x.items)).toEqual([[1], [2]]);
  });

  it('refuses a batch size that is not a positive integer', () => {
    expect(() => new KeyedBatcher(async () => [], 0)).toThrow(RangeError);
  });
});
