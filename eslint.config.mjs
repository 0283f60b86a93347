import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// The five systems own their code and tables and learn what another did only from the
// bus: a system may import the platform, the bus and another system's published event
// contracts (its events.ts), nothing else of it. The monitor reads every system; the
// platform and the bus know no system's internals. app/ and scripts/ wire it all together.
const SYSTEMS = ["oms", "pos", "wms", "storefront", "notification"];
const internalsOf = (system) => [`@/lib/${system}/*`, `@/lib/${system}/**`, `!@/lib/${system}/events`];
const boundary = (files, forbidden, message) => ({
  files,
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          ...(forbidden.length ? [{ group: forbidden, message }] : []),
          { group: ["../*", "../**"], message: "Import across folders by the @/lib/… path, so the boundary rules can see it." },
        ],
      },
    ],
  },
});

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  ...SYSTEMS.map((system) =>
    boundary(
      [`lib/${system}/**`],
      [...SYSTEMS.filter((other) => other !== system).flatMap(internalsOf), "@/lib/monitor/*", "@/lib/monitor/**"],
      `The ${system} system talks to other systems only through the bus: import their events.ts, the bus or the platform.`,
    ),
  ),
  boundary(["lib/bus/**"], [...SYSTEMS.flatMap(internalsOf), "@/lib/monitor/*", "@/lib/monitor/**"], "The bus knows the systems only by their events.ts."),
  boundary(["lib/platform/**"], [...SYSTEMS.flatMap((system) => [`@/lib/${system}/*`, `@/lib/${system}/**`]), "@/lib/bus/*", "@/lib/bus/**", "@/lib/monitor/*", "@/lib/monitor/**"], "The platform is below every system: it imports none of them."),
  boundary(["lib/monitor/**"], [], ""),
  { files: ["lib/**"], rules: { "import/no-cycle": ["error", { ignoreExternal: true }] } },
  globalIgnores([".next/**", ".data/**", "lib/generated/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
]);
