/** What the gazetteer knows of one place: only what linking and explaining a link need. */
export type PlaceKind = 'city' | 'region' | 'country';

export interface Place {
  /** GeoNames id; null for our own regions and for countries (cities500 has neither) */
  geonamesId: number | null;
  name: string;
  kind: PlaceKind;
  lat: number;
  lon: number;
  countryCode: string;
  /** GeoNames admin1 code ('' when unknown) */
  admin1: string;
  /** GeoNames admin2 code, in the US only: the county's FIPS code ('079'), for towns and counties; '' elsewhere */
  admin2: string;
  population: number;
  /** GeoNames feature code (PPL, PPLA, PPLC...); ADM1 for our first-level regions, RGN colloquial ones, CONT continents, H waters; PCLI countries */
  feature: string;
  /** for regions: every admin1 code the region spans (Donbas: Donetsk and Luhansk oblasts) */
  covers?: string[];
  /** for regions: what a reader should know about the name */
  note?: string;
}

const EARTH_KM = 6371;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
