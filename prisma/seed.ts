// `npm run db:seed`: loads the demo data into the configured (or embedded) database.
import { withDatabase } from "@/scripts/lib/with-database";
import { seedDemoData } from "./demo/seed-demo";

await withDatabase(async ({ db }) => {
  const seeded = await seedDemoData(db);
  console.log(seeded ? "Demo data loaded." : "The database already has stores; nothing was changed.");
});
