/** Distances and country names for the place rules. */

const EARTH_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
let countryNames: Set<string> | undefined;

/**
 * English names of countries ("Russia", "Ukraine"), from the runtime's own ICU data. A country
 * named in a story locates nothing within it, so the region rules set countries aside.
 */
export function isCountryName(name: string): boolean {
  if (!countryNames) {
    countryNames = new Set();
    const A = 65;
    for (let i = 0; i < 26; i++) {
      for (let j = 0; j < 26; j++) {
        const code = String.fromCharCode(A + i, A + j);
        const n = regionNames.of(code);
        if (n && n !== code) countryNames.add(n.toLowerCase());
      }
    }
  }
  return countryNames.has(name.toLowerCase());
}

export const countryName = (code: string | null | undefined) => (code ? (regionNames.of(code) ?? code) : 'an unknown country');
