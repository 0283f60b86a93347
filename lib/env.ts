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
