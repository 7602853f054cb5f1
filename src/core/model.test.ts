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

describe('every shipped model', async () => {
  const { nerModel } = await import('../entities/ner/tagger.js');
  const { attributionModel } = await import('../attributions/tagger.js');
  const { techniqueModel } = await import('../techniques/model.js');
  const { confidenceModel } = await import('../attributions/confidence.js');
  for (const [m, rebuild] of [
    [confidenceModel, 'unspin train attribution-confidence'],
    [nerModel, 'unspin train ner'],
    [attributionModel, 'unspin train attribution'],
    [techniqueModel, 'unspin train techniques'],
  ] as const) {
    it(`${m.name}: a missing or corrupt file is one error naming it and '${rebuild}'`, () => {
      const missing = join(dir, `missing-${m.name}`);
      expect(() => m.load(missing)).toThrow(`model file missing: ${missing} (rebuild it with: ${rebuild})`);
      for (const bytes of ['garbage', '', '{"not": "a model"}']) {
        const corrupt = join(dir, `corrupt-${m.name}`);
        writeFileSync(corrupt, bytes);
        expect(() => m.load(corrupt), JSON.stringify(bytes)).toThrow(new RegExp(`^model file ${corrupt.replace(/[.]/g, '\\.')} is unreadable: .* \\(rebuild it with: ${rebuild}\\)$`));
      }
    });
  }
});
