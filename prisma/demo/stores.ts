// Demo stores: real-looking addresses in five US time zones, with varied hours.
// Hours are [opens, closes] in local minutes per ISO weekday (1 = Monday … 7 = Sunday); null = closed.

type Hours = [number, number] | null;
const daily = (open: number, close: number): Hours[] => Array.from({ length: 7 }, () => [open * 60, close * 60]);
const weekdaysAndSaturday = (open: number, close: number, sunday: Hours): Hours[] => [...daily(open, close).slice(0, 6), sunday];

export type DemoStore = {
  code: string;
  name: string;
  addressLine: string;
  city: string;
  state: string;
  postalCode: string;
  phone: string;
  timeZone: string;
  latitude: number;
  longitude: number;
  prepMinutes: number;
  pickers: number;
  curbsideEnabled: boolean;
  hours: Hours[];
};

export const DEMO_STORES: DemoStore[] = [
  { code: "AUS-DT", name: "Downtown Austin", addressLine: "600 Congress Ave", city: "Austin", state: "TX", postalCode: "78701", phone: "(512) 555-0140", timeZone: "America/Chicago", latitude: 30.2686, longitude: -97.7428, prepMinutes: 20, pickers: 3, curbsideEnabled: true, hours: daily(8, 22) },
  { code: "AUS-NL", name: "Austin North Lamar", addressLine: "5400 N Lamar Blvd", city: "Austin", state: "TX", postalCode: "78751", phone: "(512) 555-0177", timeZone: "America/Chicago", latitude: 30.3207, longitude: -97.7266, prepMinutes: 25, pickers: 2, curbsideEnabled: true, hours: weekdaysAndSaturday(9, 21, null) },
  { code: "AUS-SC", name: "South Congress", addressLine: "2300 S Congress Ave", city: "Austin", state: "TX", postalCode: "78704", phone: "(512) 555-0112", timeZone: "America/Chicago", latitude: 30.2434, longitude: -97.7511, prepMinutes: 20, pickers: 2, curbsideEnabled: false, hours: daily(7, 24) },
  { code: "AUS-RR", name: "Round Rock", addressLine: "2700 Parker Dr", city: "Round Rock", state: "TX", postalCode: "78681", phone: "(512) 555-0195", timeZone: "America/Chicago", latitude: 30.5553, longitude: -97.6912, prepMinutes: 30, pickers: 2, curbsideEnabled: true, hours: weekdaysAndSaturday(9, 21, [11 * 60, 18 * 60]) },
  { code: "AUS-CP", name: "Cedar Park", addressLine: "1890 Ranch Shopping Center", city: "Cedar Park", state: "TX", postalCode: "78613", phone: "(512) 555-0163", timeZone: "America/Chicago", latitude: 30.4986, longitude: -97.822, prepMinutes: 25, pickers: 1, curbsideEnabled: true, hours: daily(9, 20) },
  { code: "DAL-UP", name: "Uptown Dallas", addressLine: "2500 McKinney Ave", city: "Dallas", state: "TX", postalCode: "75201", phone: "(214) 555-0128", timeZone: "America/Chicago", latitude: 32.797, longitude: -96.802, prepMinutes: 20, pickers: 3, curbsideEnabled: true, hours: daily(8, 22) },
  { code: "DAL-LW", name: "Lakewood", addressLine: "6333 E Mockingbird Ln", city: "Dallas", state: "TX", postalCode: "75214", phone: "(214) 555-0186", timeZone: "America/Chicago", latitude: 32.837, longitude: -96.753, prepMinutes: 25, pickers: 2, curbsideEnabled: true, hours: weekdaysAndSaturday(9, 21, [10 * 60, 18 * 60]) },
  { code: "DEN-LD", name: "LoDo Denver", addressLine: "1600 Wynkoop St", city: "Denver", state: "CO", postalCode: "80202", phone: "(303) 555-0131", timeZone: "America/Denver", latitude: 39.7525, longitude: -104.9995, prepMinutes: 20, pickers: 2, curbsideEnabled: true, hours: daily(8, 21) },
  { code: "DEN-CC", name: "Cherry Creek", addressLine: "3000 E 1st Ave", city: "Denver", state: "CO", postalCode: "80206", phone: "(303) 555-0154", timeZone: "America/Denver", latitude: 39.718, longitude: -104.953, prepMinutes: 25, pickers: 2, curbsideEnabled: true, hours: weekdaysAndSaturday(10, 21, [11 * 60, 19 * 60]) },
  { code: "PHX-CN", name: "Phoenix Central", addressLine: "1 E Washington St", city: "Phoenix", state: "AZ", postalCode: "85004", phone: "(602) 555-0109", timeZone: "America/Phoenix", latitude: 33.4484, longitude: -112.074, prepMinutes: 20, pickers: 2, curbsideEnabled: true, hours: daily(7, 22) },
  { code: "SEA-CH", name: "Capitol Hill", addressLine: "1531 Broadway", city: "Seattle", state: "WA", postalCode: "98122", phone: "(206) 555-0147", timeZone: "America/Los_Angeles", latitude: 47.615, longitude: -122.321, prepMinutes: 20, pickers: 2, curbsideEnabled: false, hours: daily(8, 23) },
  { code: "SEA-BL", name: "Ballard", addressLine: "2200 NW Market St", city: "Seattle", state: "WA", postalCode: "98107", phone: "(206) 555-0172", timeZone: "America/Los_Angeles", latitude: 47.6686, longitude: -122.385, prepMinutes: 25, pickers: 2, curbsideEnabled: true, hours: weekdaysAndSaturday(9, 21, null) },
  { code: "PDX-PD", name: "Pearl District", addressLine: "1101 NW Glisan St", city: "Portland", state: "OR", postalCode: "97209", phone: "(503) 555-0125", timeZone: "America/Los_Angeles", latitude: 45.5265, longitude: -122.683, prepMinutes: 20, pickers: 2, curbsideEnabled: true, hours: daily(9, 21) },
  { code: "NYC-CH", name: "Chelsea", addressLine: "200 W 23rd St", city: "New York", state: "NY", postalCode: "10011", phone: "(212) 555-0161", timeZone: "America/New_York", latitude: 40.744, longitude: -73.996, prepMinutes: 15, pickers: 4, curbsideEnabled: false, hours: daily(7, 24) },
  { code: "BKN-PS", name: "Park Slope", addressLine: "200 7th Ave", city: "Brooklyn", state: "NY", postalCode: "11215", phone: "(718) 555-0118", timeZone: "America/New_York", latitude: 40.671, longitude: -73.978, prepMinutes: 20, pickers: 2, curbsideEnabled: true, hours: weekdaysAndSaturday(8, 21, [10 * 60, 19 * 60]) },
];
