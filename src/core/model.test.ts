import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineModel } from './model.js';

const dir = mkdtempSync(join(tmpdir(), 'unspin-model-'));
const model = defineModel({
  file: 'demo.bin',
  rebuild: 'unspin train demo',
  parse: (bytes) => {
    if (bytes.toString() !== 'DEMO') throw new Error('not a demo model');
    return { ok: true };
  },
});

describe('a model file', () => {
  it('names the missing file and the command that rebuilds it', () => {
    expect(() => model.load(join(dir, 'absent.bin'))).toThrow(`model file missing: ${join(dir, 'absent.bin')} (rebuild it with: unspin train demo)`);
    expect(() => model.stamp()).toThrow('model file missing: models/demo.bin (rebuild it with: unspin train demo)');
  });

  it('names a corrupt file, why, and the command that rebuilds it', () => {
    const path = join(dir, 'corrupt.bin');
    writeFileSync(path, 'garbage');
    expect(() => model.load(path)).toThrow(`model file ${path} is unreadable: not a demo model (rebuild it with: unspin train demo)`);
  });

  it('loads a good file', () => {
    const path = join(dir, 'good.bin');
    writeFileSync(path, 'DEMO');
    expect(model.load(path)).toEqual({ ok: true });
    expect(model.loadedStamp()).toBeUndefined(); // only the shipped file is stamped into provenance
  });
});
