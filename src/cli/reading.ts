/** A command that reads a folder of articles says so, in one line, when the folder is not there. */
import { UserError } from '../core/errors.js';

export async function readingFolder<T>(read: () => Promise<T>, message: string): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(message);
    throw err;
  }
}
