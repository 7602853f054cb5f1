import { check } from '@placemarkio/check-geojson';
import { describe, expect, it } from 'vitest';
import { regionName, regionOutlines } from './regions.js';

describe('regions (Natural Earth admin-1, data/report/admin1.json)', () => {
  it('names a region from its GeoNames admin1 code', () => {
    expect(regionName('UA', '07')).toBe('Kharkiv');
    expect(regionName('UA', '05')).toBe('Donetsk');
    expect(regionName('RU', '48')).toBe('Moscow');
    expect(regionName('UA', undefined)).toBeNull();
    expect(regionName('ZZ', '01')).toBeNull();
  });

  it('gives the outlines of some countries as valid GeoJSON, closed rings', () => {
    const ua = regionOutlines(['UA']);
    expect(ua.features.length).toBeGreaterThanOrEqual(24);
    expect(() => check(JSON.stringify(ua))).not.toThrow();
    for (const f of ua.features) {
      for (const [ring] of f.geometry.coordinates) expect(ring![0]).toEqual(ring![ring!.length - 1]);
    }
    // small enough to inline in a report
    expect(JSON.stringify(regionOutlines(['UA', 'RU'])).length).toBeLessThan(800_000);
  });
});
