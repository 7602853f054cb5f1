/**
 * One interface for every trained model the pipeline loads: the file under models/, the command
 * that rebuilds it, its card, and the sha256 of the bytes loaded (a layer's provenance records it,
 * so a retrained model makes the layers it fed stale). A missing or unreadable file is the same
 * one-line error in every analyzer, naming the file and the rebuild command.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { UserError } from './errors.js';
import { modelPath, PACKAGE_ROOT } from './paths.js';

export interface ModelSpec<M> {
  /** the file name under models/ (its card is the same name with .md) */
  file: string;
  /** the command that rebuilds the file, for the error a missing one gives */
  rebuild: string;
  /** reads the file's bytes; throws on a file it cannot read */
  parse(bytes: Buffer): M;
}

/** A model's identity in a layer's provenance. */
export interface ModelStamp {
  name: string;
  sha256: string;
}

export class ModelFile<M> {
  private shipped: { model: M; stamp: ModelStamp } | undefined;

  constructor(private readonly spec: ModelSpec<M>) {}

  get name(): string {
    return this.spec.file;
  }
  /** the shipped file */
  get path(): string {
    return modelPath(this.spec.file);
  }
  get card(): string {
    return modelPath(this.spec.file.replace(/\.[^.]+$/, '.md'));
  }
  exists(): boolean {
    return existsSync(this.path);
  }

  /** The shipped model, loaded once; or the file at `path` (evaluations), loaded each time. */
  load(path = this.path): M {
    if (path === this.path && this.shipped) return this.shipped.model;
    const { model, stamp } = this.read(path);
    if (path === this.path) this.shipped = { model, stamp };
    return model;
  }

  /** The shipped file's name and hash (loading it if it was not). */
  stamp(): ModelStamp {
    this.load();
    return this.shipped!.stamp;
  }

  /** The stamp when the shipped model is loaded, without loading it. */
  loadedStamp(): ModelStamp | undefined {
    return this.shipped?.stamp;
  }

  private read(path: string): { model: M; stamp: ModelStamp } {
    const shown = path.startsWith(PACKAGE_ROOT) ? relative(PACKAGE_ROOT, path) : path;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      throw new UserError(`model file missing: ${shown} (rebuild it with: ${this.spec.rebuild})`);
    }
    let model: M;
    try {
      model = this.spec.parse(bytes);
    } catch (err) {
      throw new UserError(`model file ${shown} is unreadable: ${(err as Error).message} (rebuild it with: ${this.spec.rebuild})`);
    }
    return { model, stamp: { name: this.spec.file, sha256: createHash('sha256').update(bytes).digest('hex') } };
  }
}

export const defineModel = <M>(spec: ModelSpec<M>) => new ModelFile(spec);
