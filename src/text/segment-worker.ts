/** Worker-thread entry: segments each text it is sent (see parallel.ts) and posts the layer back. */
import { parentPort } from 'node:worker_threads';
import type { SegmentReply, SegmentRequest } from './parallel.js';
import { segment } from './segment.js';

parentPort?.on('message', ({ id, text, language }: SegmentRequest) => {
  const reply: SegmentReply = { id, layer: segment(text, language) };
  parentPort!.postMessage(reply);
});
