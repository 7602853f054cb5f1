/**
 * The offline map: country borders and the regions of the story's countries as GeoJSON, one
 * labelled circle per linked place, no tiles. The view is fitted to the places (a single place
 * gets a regional view, not a street-level zoom into an empty square).
 */
import type * as Leaflet from 'leaflet';
import type { ReportView } from '../html.js';
import { h, num, quote } from './dom.js';

declare global {
  interface Window {
    L?: typeof Leaflet;
  }
}

export function drawMap(box: HTMLElement, D: ReportView, onPlace: (entities: number[]) => void): void {
  const L = window.L!;
  const map = L.map(box, { zoomSnap: 0.5, worldCopyJump: false, keyboard: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Borders and regions: Natural Earth · Places: GeoNames');
  const points = D.places.map((p) => L.latLng(p.lat, p.lon));
  // the view must be set before layers are added (the vector renderer clips to it)
  if (points.length === 1) map.setView(points[0]!, 6);
  else map.fitBounds(L.latLngBounds(points), { padding: [48, 48], maxZoom: 7 });
  L.geoJSON(D.geo as GeoJSON.GeoJsonObject, { interactive: false, style: () => ({ color: '#64748b', weight: 1, fillColor: '#f8fafc', fillOpacity: 1 }) }).addTo(map);
  if (D.regions) {
    L.geoJSON(D.regions as GeoJSON.GeoJsonObject, { interactive: false, style: () => ({ color: '#94a3b8', weight: 0.7, dashArray: '2 3', fill: false }) }).addTo(map);
  }
  const labelled: { marker: Leaflet.CircleMarker; name: string; low: boolean }[] = [];
  for (const p of D.places) {
    const style: Leaflet.CircleMarkerOptions = p.low
      ? { radius: 7, color: '#b45309', weight: 2, dashArray: '3 3', fillColor: '#fde68a', fillOpacity: 0.6 }
      : { radius: 6, color: '#1e3a8a', weight: 2, fillColor: '#3b82f6', fillOpacity: 0.9 };
    const marker = L.circleMarker([p.lat, p.lon], style).addTo(map);
    const where = p.countryCode ? D.where[`${p.countryCode}.`] : undefined;
    marker.bindPopup(h('div', null, [h('strong', null, p.name), where ? h('div', null, where) : null, h('div', null, `GeoNames ${p.geonamesId}`),
      h('div', null, `confidence ${num(p.confidence)}${p.low ? ' (low)' : ''}`),
      h('div', 'muted', `in the text as ${p.mentions.map((m) => quote(m, 40)).join(', ')}`)]));
    marker.on('click', () => onPlace(p.entities));
    labelled.push({ marker, name: p.name, low: p.low });
  }
  placeLabels(labelled);
}

type Direction = 'right' | 'left' | 'top' | 'bottom';
const OFFSETS: Record<Direction, [number, number]> = { right: [8, 0], left: [-8, 0], top: [0, -8], bottom: [0, 8] };

/**
 * The names on the map itself, not only on hover: each label goes right of its place, else
 * left, above or below, wherever it overlaps no label placed before; a label with no free side
 * shows on hover only. Places mentioned first are labelled first (D.places is in text order).
 */
function placeLabels(items: { marker: Leaflet.CircleMarker; name: string; low: boolean }[]): void {
  const placed: DOMRect[] = [];
  const overlaps = (r: DOMRect) => placed.some((q) => r.left < q.right && q.left < r.right && r.top < q.bottom && q.top < r.bottom);
  for (const { marker, name, low } of items) {
    let free: DOMRect | null = null;
    for (const direction of ['right', 'left', 'top', 'bottom'] as Direction[]) {
      marker.unbindTooltip();
      marker.bindTooltip(name, { permanent: true, direction, offset: OFFSETS[direction], className: low ? 'place low' : 'place' });
      const rect = marker.getTooltip()!.getElement()?.getBoundingClientRect();
      if (rect && !overlaps(rect)) {
        free = rect;
        break;
      }
    }
    if (free) placed.push(free);
    else {
      marker.unbindTooltip();
      marker.bindTooltip(name, { direction: 'right', offset: OFFSETS.right, className: low ? 'place low' : 'place' });
    }
  }
}
