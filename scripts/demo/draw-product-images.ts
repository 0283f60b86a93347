// Draws the demo catalogue's product pictures as small SVG files in public/products,
// so the demo needs no image hosting. Run again after changing prisma/demo/products.ts.
import { writeFileSync } from "node:fs";
import { DEMO_PRODUCTS } from "@/prisma/demo/products";

const PALETTES: Record<string, [string, string, string]> = {
  Electronics: ["#1e3a8a", "#3b82f6", "#dbeafe"],
  Kitchen: ["#7c2d12", "#f97316", "#ffedd5"],
  Home: ["#134e4a", "#14b8a6", "#ccfbf1"],
  Outdoor: ["#14532d", "#22c55e", "#dcfce7"],
  Toys: ["#701a75", "#d946ef", "#fae8ff"],
  "Personal care": ["#831843", "#ec4899", "#fce7f3"],
  Office: ["#3f3f46", "#a1a1aa", "#f4f4f5"],
};

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

for (const [index, product] of DEMO_PRODUCTS.entries()) {
  const [dark, mid, light] = PALETTES[product.category] ?? ["#111", "#666", "#eee"];
  const initials = product.name.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w)).slice(0, 2).map((w) => w[0]).join("");
  const angle = (index * 37) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200" viewBox="0 0 320 200">
  <defs><linearGradient id="g" gradientTransform="rotate(${angle % 90})"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="#ffffff"/></linearGradient></defs>
  <rect width="320" height="200" fill="url(#g)"/>
  <circle cx="${230 + (index % 5) * 8}" cy="${60 + (index % 3) * 10}" r="70" fill="${mid}" opacity="0.18"/>
  <rect x="110" y="40" width="100" height="100" rx="22" fill="${mid}"/>
  <text x="160" y="106" font-family="Helvetica, Arial, sans-serif" font-size="44" font-weight="700" fill="#fff" text-anchor="middle">${escape(initials)}</text>
  <text x="160" y="174" font-family="Helvetica, Arial, sans-serif" font-size="15" fill="${dark}" text-anchor="middle">${escape(product.name)}</text>
</svg>
`;
  writeFileSync(`public/products/${product.sku}.svg`, svg);
}
console.log(`Drew ${DEMO_PRODUCTS.length} product images.`);
