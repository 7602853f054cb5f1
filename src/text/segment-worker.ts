/** Worker-thread entry: segments one text (see parallel.ts) and posts the layer back. */
import { parentPort } from 'node:worker_threads';
import { segment } from './segment.js';

parentPort?.once('message', ({ text, language }: { text: string; language: string }) => {
  parentPort!.postMessage(segment(text, language));
});
