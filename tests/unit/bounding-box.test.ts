import { describe, expect, it } from "vitest";
import { boundingBox } from "@/lib/platform/geo/bounding-box";
import { distanceMiles } from "@/lib/platform/geo/distance";

const inside = (box: ReturnType<typeof boundingBox>, point: { latitude: number; longitude: number }) =>
  point.latitude >= box.minLatitude && point.latitude <= box.maxLatitude && point.longitude >= box.minLongitude && point.longitude <= box.maxLongitude;

describe("a search's bounding box", () => {
  it("holds every point within the radius, in every direction", () => {
    for (const origin of [{ latitude: 30.27, longitude: -97.74 }, { latitude: 47.6, longitude: -122.3 }, { latitude: 25.8, longitude: -80.2 }]) {
      for (const radius of [1, 10, 25, 100]) {
        const box = boundingBox(origin, radius);
        for (let bearing = 0; bearing < 360; bearing += 15) {
          // A point just inside the radius at this bearing (small steps, measured exactly).
          const rad = (bearing * Math.PI) / 180;
          let point = origin;
          for (let scale = 0; ; scale += 0.001) {
            const next = { latitude: origin.latitude + scale * Math.cos(rad), longitude: origin.longitude + scale * Math.sin(rad) };
            if (distanceMiles(origin, next) > radius * 0.999) break;
            point = next;
          }
          expect(inside(box, point), `${radius} mi at ${bearing}°`).toBe(true);
        }
      }
    }
  });

  it("is not much larger than the circle: a point well outside the radius north or east is outside the box", () => {
    const origin = { latitude: 40.75, longitude: -73.99 };
    const box = boundingBox(origin, 25);
    expect(inside(box, { latitude: origin.latitude + 30 / 69, longitude: origin.longitude })).toBe(false);
    expect(inside(box, { latitude: origin.latitude, longitude: origin.longitude + 0.6 })).toBe(false);
  });

  it("spans every longitude near a pole and across the antimeridian", () => {
    expect(boundingBox({ latitude: 89.9, longitude: 10 }, 50)).toMatchObject({ minLongitude: -180, maxLongitude: 180 });
    expect(boundingBox({ latitude: 52, longitude: 179.9 }, 25)).toMatchObject({ minLongitude: -180, maxLongitude: 180 });
  });
});
