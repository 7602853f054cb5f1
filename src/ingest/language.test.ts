import { describe, expect, it } from 'vitest';
import { detectLanguage, languageWarning } from './language.js';

describe('detectLanguage', () => {
  it('tells common news languages apart', async () => {
    expect(await detectLanguage('The council voted on Tuesday to close the bridge for repairs, the mayor said.')).toBe('en');
    expect(await detectLanguage('Городской совет во вторник проголосовал за закрытие моста на ремонт, сообщил мэр.')).toBe('ru');
    expect(await detectLanguage('Міська рада у вівторок проголосувала за закриття мосту на ремонт, повідомив мер.')).toBe('uk');
    expect(await detectLanguage('Der Stadtrat hat am Dienstag beschlossen, die Brücke für Reparaturen zu schließen.')).toBe('de');
    expect(await detectLanguage('Le conseil municipal a voté mardi la fermeture du pont pour des travaux, a dit le maire.')).toBe('fr');
  });
  it('does not guess on a few letters: Latin script counts as English, anything else as unknown', async () => {
    expect(await detectLanguage('Breaking: fire')).toBe('en');
    expect(await detectLanguage('Срочно: пожар')).toBe('und');
    expect(await detectLanguage('2025-12-15 12:00')).toBe('und');
  });
  it('takes plain English prose as English at once, and still tells other Latin-script prose apart', async () => {
    const english = 'The council said on Tuesday that the bridge would be closed for repairs and that traffic was to be diverted to the ring road, which has been widened in the spring, according to a statement from the mayor.';
    expect(await detectLanguage(english)).toBe('en');
    const french = 'Le conseil municipal a annoncé mardi que le pont serait fermé pour des travaux et que la circulation serait déviée vers le périphérique, qui a été élargi au printemps, selon un communiqué du maire.';
    expect(await detectLanguage(french)).toBe('fr');
  });
  it('reads only the start of a long article, so its cost does not grow with length', async () => {
    const long = 'The council voted on Tuesday to close the bridge for repairs, the mayor said. '.repeat(5000);
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) await detectLanguage(long);
    expect(await detectLanguage(long)).toBe('en');
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
