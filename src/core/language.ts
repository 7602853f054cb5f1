/**
 * Whether an article in `language` is read as English: when the language could not be told ('und'),
 * the analysis assumes English (ingest warns about it). The English-trained stages run only then.
 */
export function readAsEnglish(language: string): boolean {
  return language === 'en' || language === 'und';
}
