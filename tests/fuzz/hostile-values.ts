// What a stranger can put where the app expects a value: the corpus every route and action is fed.

const deepArray = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const deepObject = (depth: number): unknown => {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

/** Strings a text field, a path segment or a form entry may receive. */
export const HOSTILE_STRINGS: Record<string, string> = {
  empty: "",
  spaces: "   ",
  nul: "a\u0000b",
  "lone high surrogate": "a\ud800b",
  "lone low surrogate": "a\udc00b",
  "broken percent-escape": "%ED%A0%80",
  "bare percent": "%",
  ["__proto__"]: "__proto__",
  constructor: "constructor",
  toString: "toString",
  "out-of-range number": "3000000000",
  "negative number": "-1",
  "huge exponent": "1e400",
  "not a number": "NaN",
  "sql-looking": "' OR 1=1 --",
  "html-looking": "<script>alert(1)</script>",
  long: "x".repeat(100_000),
};

/** Values of the wrong type where an argument is expected (what a crafted server-action call can send). */
export const HOSTILE_VALUES: Record<string, unknown> = {
  ...HOSTILE_STRINGS,
  undefined: undefined,
  null: null,
  true: true,
  zero: 0,
  "huge integer": 3_000_000_000,
  "negative integer": -1,
  fraction: 1.5,
  infinity: Infinity,
  nan: NaN,
  bigint: 10n ** 30n,
  date: new Date(Number.NaN),
  "empty array": [],
  "array of junk": [null, "\u0000", {}],
  "empty object": {},
  "prototype keys": JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
  "deep object": deepObject(10_000),
  "form data": new FormData(),
  map: new Map([["a", "\u0000"]]),
  set: new Set(["\ud800"]),
};

/** Bodies a JSON endpoint may receive, as text. */
export const HOSTILE_BODIES: Record<string, string> = {
  empty: "",
  "not json": "not json",
  truncated: '{"type":"order.ready","data":{',
  "bare string": '"hello"',
  "bare number": "3000000000",
  null: "null",
  array: "[]",
  "empty object": "{}",
  "deep arrays": deepArray(10_000),
  "deep objects": '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000),
  "escaped nul": '{"type":"a\\u0000b","orderNumber":1,"storeCode":"a\\u0000b","messages":[],"buyer":{"name":"a\\u0000"}}',
  "raw nul": '{"type":"a\u0000b"}',
  "escaped lone surrogate": '{"type":"\\ud800","storeCode":"\\udc00"}',
  "prototype keys": '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
  "numbers out of range": '{"orderNumber":3000000000,"sequence":1e400,"quantity":-1,"messages":[{"sequence":3000000000}]}',
  "wrong types": '{"type":1,"orderNumber":"x","data":[],"storeCode":{},"messages":"all","lines":{"a":1}}',
  "observation with a nul": '{"system":"pos","event":"order\\u0000ready","order":"1","at":"2026-01-01T00:00:00Z"}',
  "observation with a lone surrogate": '{"system":"pos","event":"order.ready","order":"\\ud800","at":"2026-01-01T00:00:00Z"}',
  "observation lines": '{"system":"constructor","event":"a\\u0000","order":"1","at":"2026-01-01T00:00:00Z"}\n{"system":"pos","event":"\\ud800","order":"1","at":"not a date"}',
};
