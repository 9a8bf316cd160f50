/**
 * Projects the council boundaries to SVG paths. Runs at build time (vite.config.ts), so the
 * browser receives strings and never loads d3-geo or topojson.
 */
import { geoPath, geoTransverseMercator } from 'd3-geo';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export const MAP_WIDTH = 400;
export const MAP_HEIGHT = 480;
const PADDING = 12;

export interface CouncilShape {
  code: string;
  name: string;
  group: 'north-of-tyne' | 'lamb';
  d: string;
  /** Label anchor in map coordinates. */
  centroid: [number, number];
}

export interface CouncilMap {
  width: number;
  height: number;
  councils: CouncilShape[];
  /** Outline of each former authority, to mark the two groups apart. */
  groups: { group: 'north-of-tyne' | 'lamb'; d: string }[];
}

interface CouncilProps {
  code: string;
  name: string;
  group: 'north-of-tyne' | 'lamb';
}

/**
 * Rewrites an absolute path (M/L/Z, as d3-geo writes it) with whole-unit coordinates and relative
 * moves. One map unit is about one screen pixel on a phone, so finer detail is bytes with nothing to
 * see; absolute points are rounded before differencing, so the rounding never drifts.
 */
export function compactPath(d: string): string {
  let out = '';
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  for (const [, command, args] of d.matchAll(/([MLZ])([^MLZ]*)/gi)) {
    if (command.toUpperCase() === 'Z') {
      out += 'z';
      // After a close, SVG's current point is the subpath's start, and the next relative move counts from there.
      x = startX;
      y = startY;
      continue;
    }
    const [px, py] = args.split(',').map((n) => Math.round(Number(n)));
    const dx = px - x;
    const dy = py - y;
    x = px;
    y = py;
    if (command.toUpperCase() === 'M') {
      startX = px;
      startY = py;
    } else if (dx === 0 && dy === 0) continue;
    const pair = `${dx}${dy < 0 ? '' : ' '}${dy}`;
    out += `${command.toUpperCase() === 'M' ? 'm' : 'l'}${pair}`;
  }
  return out;
}

export function projectCouncils(topology: Topology<{ councils: GeometryCollection<CouncilProps> }>): CouncilMap {
  const collection = feature(topology, topology.objects.councils) as FeatureCollection<Geometry, CouncilProps>;
  // Transverse Mercator centred on 2°W, as the British National Grid is, so the region is not skewed.
  const projection = geoTransverseMercator()
    .rotate([2, 0])
    .fitExtent(
      [
        [PADDING, PADDING],
        [MAP_WIDTH - PADDING, MAP_HEIGHT - PADDING],
      ],
      collection,
    );
  const path = geoPath(projection);
  const councils = collection.features.map((f: Feature<Geometry, CouncilProps>) => {
    const [x, y] = path.centroid(f);
    return {
      code: f.properties.code,
      name: f.properties.name,
      group: f.properties.group,
      d: compactPath(path(f) ?? ''),
      centroid: [Math.round(x * 10) / 10, Math.round(y * 10) / 10] as [number, number],
    };
  });
  const groups = (['north-of-tyne', 'lamb'] as const).map((group) => {
    const members = topology.objects.councils.geometries.filter((g) => (g.properties as CouncilProps | undefined)?.group === group);
    return { group, d: compactPath(path(merge(topology, members as never)) ?? '') };
  });
  return { width: MAP_WIDTH, height: MAP_HEIGHT, councils, groups };
}
