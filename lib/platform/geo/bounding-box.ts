import type { Coordinates } from "./distance";

const MILES_PER_DEGREE_LATITUDE = 69.0;
const MILES_PER_DEGREE_LONGITUDE_AT_EQUATOR = 69.172;

export type BoundingBox = { minLatitude: number; maxLatitude: number; minLongitude: number; maxLongitude: number };

/**
 * The latitude/longitude box that holds every point within `radiusMiles` of `origin`, so
 * an index on (latitude, longitude) narrows a search before the exact distance is
 * measured. Near a pole, or across the antimeridian, the box spans every longitude.
 */
export function boundingBox(origin: Coordinates, radiusMiles: number): BoundingBox {
  const latitudeSpan = radiusMiles / MILES_PER_DEGREE_LATITUDE;
  const minLatitude = Math.max(-90, origin.latitude - latitudeSpan);
  const maxLatitude = Math.min(90, origin.latitude + latitudeSpan);
  // The widest point of the circle is at the box's latitude nearest a pole.
  const widest = Math.max(Math.abs(minLatitude), Math.abs(maxLatitude));
  const milesPerDegree = MILES_PER_DEGREE_LONGITUDE_AT_EQUATOR * Math.cos((widest * Math.PI) / 180);
  const longitudeSpan = milesPerDegree > 0 ? radiusMiles / milesPerDegree : 360;
  const minLongitude = origin.longitude - longitudeSpan;
  const maxLongitude = origin.longitude + longitudeSpan;
  if (longitudeSpan >= 180 || minLongitude < -180 || maxLongitude > 180) return { minLatitude, maxLatitude, minLongitude: -180, maxLongitude: 180 };
  return { minLatitude, maxLatitude, minLongitude, maxLongitude };
}
