import { hashPassword } from "@/lib/platform/auth/passwords";
import { newSigningSecret } from "@/lib/bus/signing";
import type { Db } from "@/lib/platform/db/prisma";
import { DEMO_PRODUCTS } from "./products";
import { mulberry32 } from "./random";
import { seedOrderHistory } from "./seed-history";
import { DEMO_STORES } from "./stores";

/** EAN-13 with its check digit, so a scanner's output matches the product. */
export function ean13(body12: string): string {
  const sum = [...body12].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return body12 + String((10 - (sum % 10)) % 10);
}

// Stock the demo should always show: partial availability downtown, and a garden hose only North
// Lamar stocks in Austin (an order with one can move nowhere whole: what runs short goes on alone).
const FIXED_STOCK: Record<string, Record<string, number>> = {
  "AUS-DT": { "EL-1001": 1, "KT-2001": 0, "TY-5004": 1, "HM-3002": 0, "OD-4006": 0 },
  "AUS-NL": { "EL-1001": 6, "KT-2001": 4, "TY-5004": 3, "OD-4006": 10 },
  "AUS-SC": { "OD-4006": 0 },
  "AUS-RR": { "OD-4006": 0 },
  "AUS-CP": { "OD-4006": 0 },
};

/** Demo staff, listed in the README. Only the demo seed creates them. */
export const DEMO_PASSWORD = "handoff-demo";
const DEMO_USERS = [
  { email: "admin@handoff.test", name: "Alex Admin", role: "ADMIN", stores: [] },
  { email: "manager@handoff.test", name: "Morgan Manager", role: "MANAGER", stores: [] },
  { email: "associate@handoff.test", name: "Sam Associate", role: "ASSOCIATE", stores: ["AUS-DT", "AUS-NL"] },
  { email: "store.manager@handoff.test", name: "Jamie Store Manager", role: "STORE_MANAGER", stores: ["AUS-NL", "AUS-SC"], phone: "+15125550190" },
] as const;

/** Loads the demo catalogue, stores, stock and staff into an empty database. Returns false if data exists. */
export async function seedDemoData(db: Db): Promise<boolean> {
  if ((await db.store.count()) > 0) return false;
  const random = mulberry32(20261123);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // Where each product sits on the floor: one aisle per department, bays in catalog order.
  const departments = [...new Set(DEMO_PRODUCTS.map((product) => product.sku.slice(0, 2)))];
  const shelfLocation = (sku: string) => {
    const index = DEMO_PRODUCTS.findIndex((product) => product.sku === sku);
    return `Aisle ${departments.indexOf(sku.slice(0, 2)) + 1} · Bay ${(index % 12) + 1}`;
  };
  await db.$transaction(async (tx) => {
    for (const [index, product] of DEMO_PRODUCTS.entries()) {
      await tx.product.create({
        data: { ...product, imageUrl: `/products/${product.sku}.svg`, barcode: ean13(`0840${String(10000000 + index).slice(-8)}`) },
      });
    }
    const products = await tx.product.findMany({ select: { id: true, sku: true } });
    for (const demo of DEMO_STORES) {
      const { hours, ...fields } = demo;
      const store = await tx.store.create({
        data: {
          ...fields,
          // Each store's POS signs its stock feed (POST /api/v1/stock) with its own secret.
          stockFeedSecret: newSigningSecret(),
          hours: {
            create: hours.flatMap((day, i) => (day ? [{ weekday: i + 1, opensAtMin: day[0], closesAtMin: day[1] }] : [])),
          },
        },
      });
      await tx.inventoryLevel.createMany({
        data: products.map((product) => {
          const fixed = FIXED_STOCK[demo.code]?.[product.sku];
          const roll = random();
          const onHand = fixed ?? (roll < 0.08 ? 0 : roll < 0.16 ? 1 : roll < 0.22 ? 2 : 3 + Math.floor(random() * 22));
          return { storeId: store.id, productId: product.id, onHand, safetyStock: onHand >= 10 ? 1 : 0, location: shelfLocation(product.sku) };
        }),
      });
    }
    for (const user of DEMO_USERS) {
      const stores = await tx.store.findMany({ where: { code: { in: [...user.stores] } }, select: { id: true } });
      await tx.user.create({
        data: { email: user.email, name: user.name, role: user.role, phone: "phone" in user ? user.phone : null, passwordHash, stores: { create: stores.map((store) => ({ storeId: store.id })) } },
      });
    }
    // The storefront's availability cache starts from what the OMS can promise.
    await tx.$executeRaw`
      INSERT INTO "StorefrontAvailability" ("storeCode", "sku", "available", "updatedAt")
      SELECT s."code", p."sku", GREATEST(0, i."onHand" - i."allocated" - i."safetyStock"), now()
        FROM "InventoryLevel" i JOIN "Store" s ON s."id" = i."storeId" JOIN "Product" p ON p."id" = i."productId"`;
  }, { timeout: 60_000 });
  // A month of finished orders, so the dashboards have history to show from the first start.
  await seedOrderHistory(db);
  return true;
}
