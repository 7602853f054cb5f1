import { defineAnalyzer } from '../core/analyzer.js';
import { buildContext } from './context.js';
import { detectTechniques } from './detect.js';
import { loadLexicons } from './lexicons.js';
import { loadClusters } from './clusters.js';
import { loadTechniqueModel } from './model.js';
import { readAsEnglish } from '../core/language.js';
import { TechniqueSchema } from './schema.js';

/**
 * Persuasion techniques (the 14 PTC classes) at span level, each with its confidence and cues.
 * The model and lexicons are English; other languages get no spans rather than wrong ones.
 */
export const techniquesAnalyzer = defineAnalyzer({
  name: 'techniques',
  version: 1,
  requires: ['sentences', 'tokens'],
  adds: 'techniques',
  schema: (T) => T.Array(TechniqueSchema(T)),
  absent: [],
  run(doc) {
    if (!readAsEnglish(doc.info.language)) return [];
    const ctx = buildContext(doc.text, doc.get('tokens'), doc.get('sentences'), loadLexicons());
    return detectTechniques(ctx, loadTechniqueModel());
  },
  warm(language) {
    if (!readAsEnglish(language)) return;
    loadLexicons();
    loadTechniqueModel();
    loadClusters();
  },
});
