import { z } from "zod";

// Configuration read from the environment, validated once so a typo fails loudly at start.
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Where the embedded PostgreSQL keeps its data and where local secrets live. */
  HANDOFF_DATA_DIR: z.string().default(".data"),
  /** Keys the pickup codes; generated into the data folder when not set. */
  HANDOFF_SECRET: z.string().min(32, "HANDOFF_SECRET must be at least 32 characters").optional(),
  /** How many reverse proxies stand in front of the app; their X-Forwarded-For entries are believed, no others. */
  HANDOFF_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** Lets a scraper on another host read /api/metrics (as a bearer token); loopback needs none. */
  /** How many log uploads are parsed and stored at once per app server; the rest wait their turn. */
  HANDOFF_UPLOAD_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  HANDOFF_METRICS_TOKEN: z.string().min(16, "HANDOFF_METRICS_TOKEN must be at least 16 characters").optional(),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}
