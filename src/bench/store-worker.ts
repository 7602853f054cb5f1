/**
 * A packing thread of `npm run bench:corpus`, standing in for an analysis worker of `corpus add`
 * once its analysis is done: it reads the pool's analyses once from their file, then makes the
 * bench articles it is asked for (a pool article with a line of its own) and packs each for the
 * store, as the analysis worker packs what it made (codec.ts).
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Analysis } from '../core/schema.js';
import { benchArticle } from './store-articles.js';

const pool = JSON.parse(readFileSync(workerData as string, 'utf8')) as Analysis[];

parentPort?.on('message', ({ from, to }: { from: number; to: number }) => {
  const articles = [];
  for (let i = from; i < to; i++) articles.push(benchArticle(pool, i));
  parentPort!.postMessage(articles);
});
