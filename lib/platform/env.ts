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
  /** Where shoppers reach the app: the order links in emails and texts. Defaults to http://localhost:$PORT. */
  HANDOFF_PUBLIC_URL: z.url("HANDOFF_PUBLIC_URL must be a URL such as https://pickup.example.com").optional(),
  /** Where the delivery worker reaches the built-in modules. Defaults to http://127.0.0.1:$PORT. */
  HANDOFF_INTERNAL_URL: z.url("HANDOFF_INTERNAL_URL must be a URL such as http://10.0.0.5:3000").optional(),
  HANDOFF_DEMO_DATA: z.enum(["on", "off"], "HANDOFF_DEMO_DATA must be on or off").default("on"),
  /** "off": the app server runs no delivery worker of its own (the deployment runs `npm run worker` processes). */
  HANDOFF_WORKER: z.enum(["on", "off"], "HANDOFF_WORKER must be on or off").default("on"),
  /** Deliveries one worker keeps in flight; with several worker processes, the bus's window is their sum. */
  HANDOFF_DELIVERIES_IN_FLIGHT: z.coerce.number().int().min(1).max(4096).default(128),
  HANDOFF_DELIVERY_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  HANDOFF_STAFF_IDLE_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(120),
  HANDOFF_NODE_FAILURE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.05),
  HANDOFF_RESYNC_CONFIRM_SECONDS: z.coerce.number().min(0).max(600).default(20),
  HANDOFF_RECONCILE_MINUTES: z.coerce.number().min(0).max(24 * 60).default(5),
  HANDOFF_RECONCILE_GRACE_SECONDS: z.coerce.number().min(0).max(24 * 3600).default(120),
  /** How far a watched stack's clocks may disagree: a step is late or missing only past its deadline plus this. */
  HANDOFF_WATCH_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(3600).default(120),
  /** How long a watched stack's lines are kept after they arrive; 0 keeps them for ever. */
  HANDOFF_OBSERVATION_RETENTION_DAYS: z.coerce.number().min(0).max(3650).default(30),
  /** How long the bus's history is kept: closed orders' chain steps, events and deliveries, and delivered events about no order; 0 keeps it for ever. */
  HANDOFF_HISTORY_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650)
    .refine((days) => days === 0 || days >= 7, "HANDOFF_HISTORY_RETENTION_DAYS must be 0 (keep for ever) or at least 7")
    .default(90),
  /** Which OpenTelemetry attributes carry a log line's system (a resource attribute), event, order id and other ids. */
  HANDOFF_OTLP_SYSTEM_ATTRIBUTE: z.string().min(1).max(100).default("service.name"),
  HANDOFF_OTLP_EVENT_ATTRIBUTE: z.string().min(1).max(100).default("event.name"),
  HANDOFF_OTLP_ORDER_ATTRIBUTE: z.string().min(1).max(100).default("order.id"),
  HANDOFF_OTLP_ALIASES_ATTRIBUTE: z.string().min(1).max(100).default("order.aliases"),
  HANDOFF_INVENTORY_ACCURACY_HOURS: z.coerce.number().min(0).max(24 * 30).default(24),
  HANDOFF_INTAKE_RATE_PER_SECOND: z.coerce.number().positive().max(100_000).default(20),
  HANDOFF_INTAKE_QUEUE_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(10_000),
  HANDOFF_INTAKE_HIGH_VALUE_CENTS: z.coerce.number().int().min(0).default(20_000),
  HANDOFF_ALERT_WEBHOOK_URL: z.url("HANDOFF_ALERT_WEBHOOK_URL must be a URL").optional(),
  /** smtp:// or smtps:// with credentials; unset, mail goes to the local sink. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://").optional(),
  NOTIFICATION_FROM: z.string().min(3).default("Handoff <orders@handoff.local>"),
  /** How many reverse proxies stand in front of the app; their X-Forwarded-For entries are believed, no others. */
  HANDOFF_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** Lets a scraper on another host read /api/metrics (as a bearer token); loopback needs none. */
  /** How many log uploads are parsed and stored at once per app server; the rest wait their turn. */
  HANDOFF_UPLOAD_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  HANDOFF_METRICS_TOKEN: z.string().min(16, "HANDOFF_METRICS_TOKEN must be at least 16 characters").optional(),
});

export type Env = z.infer<typeof envSchema>;

const NAMES = Object.keys(envSchema.shape) as (keyof Env)[];

// The last parse of process.env, keyed by the values it read: reading the environment
// sits on hot paths (every delivery), and tests change it between cases.
let cached: { key: string; env: Env } | undefined;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  if (source !== process.env) return parseEnv(source);
  const key = NAMES.map((name) => source[name] ?? "").join("\0");
  if (cached?.key !== key) cached = { key, env: parseEnv(source) };
  return cached.env;
}

function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const present = Object.fromEntries(NAMES.flatMap((name) => (source[name] ? [[name, source[name]]] : [])));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}
