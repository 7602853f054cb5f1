/**
 * Where the package's own files are. This module sits two folders below the package root both
 * as source (src/core) and compiled (dist/core), so the same relative path works for both.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A shipped model file under models/. */
export const modelPath = (file: string) => join(PACKAGE_ROOT, 'models', file);

/** One of our own data files under data/ (lexicons, gazetteer extras). */
export const dataPath = (file: string) => join(PACKAGE_ROOT, 'data', file);

/**
 * The shared corpora folder (../shared beside the checkout, or $UNSPIN_SHARED). Training and
 * corpus-based tests read from it; nothing from it is copied into the repo.
 */
export const SHARED_DIR = resolve(process.env.UNSPIN_SHARED ?? join(PACKAGE_ROOT, '..', 'shared'));
export const sharedPath = (...parts: string[]) => join(SHARED_DIR, ...parts);
export const hasShared = (...parts: string[]) => existsSync(sharedPath(...parts));
