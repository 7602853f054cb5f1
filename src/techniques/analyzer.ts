import { defineAnalyzer } from '../core/analyzer.js';
import { buildContext } from './context.js';
import { techniqueLayer } from './layer.js';
import { loadLexicons } from './lexicons.js';
import { loadClusters } from './clusters.js';
import { loadTechniqueModel } from './model.js';
import { readAsEnglish } from '../core/language.js';

/**
 * Persuasion techniques (the 14 PTC classes) at span level, each with its calibrated confidence,
 * cues and holder (the outlet, or the attribution it is quoted in); weaker spans are candidates.
 * The model and lexicons are English; other languages get no spans rather than wrong ones.
 */
export const techniquesAnalyzer = defineAnalyzer({
  name: 'techniques',
  // attributions, when they ran, say whose words a span is; without them every span is the outlet's
  reads: ['sentences', 'tokens'],
  adds: 'techniques',
  run(doc) {
    if (!readAsEnglish(doc.info.language)) return { shown: [], candidates: [] };
    const ctx = buildContext(doc.text, doc.get('tokens'), doc.get('sentences'), loadLexicons());
    return techniqueLayer(ctx, loadTechniqueModel(), doc.maybe('attributions') ?? []);
  },
  warm(language) {
    if (!readAsEnglish(language)) return;
    loadLexicons();
    loadTechniqueModel();
    loadClusters();
  },
});
