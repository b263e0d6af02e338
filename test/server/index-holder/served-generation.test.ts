import { afterEach, describe, expect, it, vi } from 'vitest';
import { type IndexReader, openIndex } from '../../../indexer/index.ts';
import { GenerationSwitch, ServedGeneration } from '../../../server/index-holder/served-generation.ts';
import { sampleIndex } from '../../support/sample-index.ts';

const readers: IndexReader[] = [];
afterEach(() => {
  for (const reader of readers.splice(0)) reader.close();
});

/** A reader of the sample index whose `close` is watched (and still closes it). */
async function watchedReader(): Promise<IndexReader> {
  const reader = await openIndex(await sampleIndex(), { offline: true });
  readers.push(reader);
  vi.spyOn(reader, 'close');
  return reader;
}

describe('served-generation', () => {
  it('closes its reader only once it is retired and its last lease is released, however often a lease is released', async () => {
    const reader = await watchedReader();
    const served = new ServedGeneration(reader, 'stamp');
    const first = served.lease();
    const second = served.lease();
    first.release();
    first.release();
    served.retire();
    expect(reader.close).not.toHaveBeenCalled();
    second.release();
    expect(reader.close).toHaveBeenCalledTimes(1);
  });

  it('closes a retired generation at once when no lease is held', async () => {
    const reader = await watchedReader();
    new ServedGeneration(reader, undefined).retire();
    expect(reader.close).toHaveBeenCalledTimes(1);
  });

  it('retires the generation it switches away from, starts onServe on the new one and tells the listeners', async () => {
    const [older, newer] = [await watchedReader(), await watchedReader()];
    const served: IndexReader[] = [];
    const told: Array<number | null> = [];
    const generations = new GenerationSwitch((reader) => served.push(reader));
    const stopTelling = generations.onChange((generation) => told.push(generation));
    generations.serve(older, 'a');
    const lease = generations.current!.lease();
    generations.serve(newer, 'b');
    expect([served, generations.current?.stamp]).toEqual([[older, newer], 'b']);
    expect(older.close).not.toHaveBeenCalled();
    lease.release();
    expect(older.close).toHaveBeenCalledTimes(1);
    generations.stop();
    generations.stop();
    stopTelling();
    generations.serve(older, 'c');
    expect(told).toEqual([older.generation, newer.generation, null]);
    expect(newer.close).toHaveBeenCalledTimes(1);
  });
});
