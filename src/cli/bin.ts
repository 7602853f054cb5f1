#!/usr/bin/env node
import { main } from './main.js';

// `unspin ... | head` closes our stdout early: that ends the run quietly, not with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
