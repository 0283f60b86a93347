// `npm run seed:scale [-- --orders 100000]`: adds a large order history (10 chain steps per
// order) to the configured or embedded database, to see the dashboard at scale.
import { parseArgs } from "node:util";
import { seedScaleData } from "@/prisma/scale/seed-scale";
import { withDatabase } from "@/scripts/lib/with-database";

const { values } = parseArgs({ options: { orders: { type: "string", default: "100000" } } });
const orders = Number(values.orders);
if (!Number.isInteger(orders) || orders < 1 || orders > 5_000_000) {
  console.error("--orders must be a whole number from 1 to 5,000,000.");
  process.exit(2);
}
await withDatabase(async ({ db }) => {
  const started = performance.now();
  await seedScaleData(db, orders);
  const steps = await db.chainStep.count();
  console.log(`Added ${orders.toLocaleString("en-US")} orders in ${((performance.now() - started) / 1000).toFixed(1)} s; ${steps.toLocaleString("en-US")} chain steps in all.`);
});
