/** `npm run build:gazetteer`: compiles build/gazetteer.bin and says how big and how long. */
import { GAZETTEER_PATH, writeGazetteer } from './gazetteer.js';

const t0 = performance.now();
const bytes = writeGazetteer();
const seconds = ((performance.now() - t0) / 1000).toFixed(1);
console.log(`gazetteer: ${GAZETTEER_PATH}, ${(bytes / 1e6).toFixed(1)} MB in ${seconds} s`);
