import { describe, expect, it } from 'vitest';
import { detectLanguage, languageWarning } from './language.js';

describe('detectLanguage', () => {
  it('tells common news languages apart', () => {
    expect(detectLanguage('The council voted on Tuesday to close the bridge for repairs, the mayor said.')).toBe('en');
    expect(detectLanguage('Городской совет во вторник проголосовал за закрытие моста на ремонт, сообщил мэр.')).toBe('ru');
    expect(detectLanguage('Міська рада у вівторок проголосувала за закриття мосту на ремонт, повідомив мер.')).toBe('uk');
    expect(detectLanguage('Der Stadtrat hat am Dienstag beschlossen, die Brücke für Reparaturen zu schließen.')).toBe('de');
    expect(detectLanguage('Le conseil municipal a voté mardi la fermeture du pont pour des travaux, a dit le maire.')).toBe('fr');
  });
  it('does not guess on a few letters: Latin script counts as English, anything else as unknown', () => {
    expect(detectLanguage('Breaking: fire')).toBe('en');
    expect(detectLanguage('Срочно: пожар')).toBe('und');
    expect(detectLanguage('2025-12-15 12:00')).toBe('und');
  });
  it('reads only the start of a long article, so its cost does not grow with length', () => {
    const long = 'The council voted on Tuesday to close the bridge for repairs, the mayor said. '.repeat(5000);
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) detectLanguage(long);
    expect(detectLanguage(long)).toBe('en');
    expect((performance.now() - t0) / 20).toBeLessThan(50);
  });
});

describe('languageWarning', () => {
  it('warns for anything but English, naming the language', () => {
    expect(languageWarning('en')).toBeNull();
    expect(languageWarning('ru')).toMatch(/Russian \(ru\)/);
    expect(languageWarning('und')).toMatch(/could not tell/);
  });
});
