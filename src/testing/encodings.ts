/** Text in a legacy single-byte encoding, for tests (TextEncoder writes only UTF-8). */
export function legacyBytes(encoding: string, text: string): Buffer {
  const byChar = new Map<string, number>();
  const decoder = new TextDecoder(encoding);
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((c) => byChar.get(c) ?? 0x3f));
}
