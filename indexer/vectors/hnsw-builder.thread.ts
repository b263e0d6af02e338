// The vector builder thread's loop: owns one HnswVectorIndex and applies the main thread's requests
// in order. After a failure it ignores everything until save, which reports that failure.
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../core/errors.ts';
import { HnswVectorIndex } from './hnsw.vector-index.ts';
import type { BuilderReply, BuilderRequest } from './hnsw-builder.ts';

const port = parentPort;
if (!port) throw new Error('hnsw-builder.thread.ts runs only as a worker thread.');

let index: HnswVectorIndex | undefined;
let failure: Extract<BuilderReply, { kind: 'failed' }> | undefined;

function failed(error: unknown): Extract<BuilderReply, { kind: 'failed' }> {
  const e = error as NodeJS.ErrnoException;
  return {
    kind: 'failed',
    error: {
      name: e.name ?? 'Error',
      message: e.message ?? String(error),
      ...(typeof e.code === 'string' ? { code: e.code } : {}),
      ...(isAppError(error) ? { appCode: error.code } : {}),
    },
  };
}

function apply(request: BuilderRequest): BuilderReply | undefined {
  switch (request.kind) {
    case 'create':
      index = HnswVectorIndex.create(request.dimensions, request.capacity);
      return { kind: 'ready' };
    case 'load':
      index = HnswVectorIndex.load(request.file, request.dimensions, request.live);
      return { kind: 'ready' };
    case 'add': {
      const dimensions = request.vectors.length / Math.max(1, request.labels.length);
      request.labels.forEach((label, i) => {
        index!.add(label, request.vectors.subarray(i * dimensions, (i + 1) * dimensions));
      });
      return undefined;
    }
    case 'remove':
      for (const label of request.labels) index!.remove(label);
      return undefined;
    case 'save':
      index!.save(request.file);
      return { kind: 'saved', live: index!.size };
  }
}

port.on('message', (request: BuilderRequest) => {
  if (failure) {
    if (request.kind === 'save') port.postMessage(failure);
    return;
  }
  try {
    const reply = apply(request);
    if (reply) port.postMessage(reply);
  } catch (error) {
    failure = failed(error);
    if (request.kind !== 'add' && request.kind !== 'remove') port.postMessage(failure);
  }
});
