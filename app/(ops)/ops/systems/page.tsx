import type { Metadata } from "next";
import { formatOpsTime } from "@/lib/platform/format/ops-time";
import { StockFeedSecrets } from "@/components/ops/stock-feed-secrets";
import { ActionForm } from "@/components/ui/action-form";
import { OPS_ROLES, requireStaffPage } from "@/lib/platform/auth/staff";
import { ALL_SYSTEMS, ensureSystemEndpoints, internalBaseUrl } from "@/lib/bus/endpoints";
import { getDb } from "@/lib/platform/db/prisma";
import { alertSigningSecret } from "@/lib/monitor/operations/alerts";
import { listStockFeedStores } from "@/lib/oms/stock-feed/stock-feed-secret";
import { CHANNEL_NAMES } from "@/lib/oms/intake/channel-names";
import { lockedSignIns } from "@/lib/platform/auth/sign-in-throttle";
import { createApiKeyAction, revokeApiKeyAction, rotateSecretAction, saveEndpointAction } from "./actions";
import { unlockSignInAction } from "./sign-in-actions";
import { readEnv } from "@/lib/platform/env";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Systems" };

export default async function SystemsPage() {
  const staff = await requireStaffPage(OPS_ROLES, "/ops/systems");
  const db = getDb();
  const alertWebhookUrl = readEnv().HANDOFF_ALERT_WEBHOOK_URL;
  await ensureSystemEndpoints(db);
  const [endpoints, apiKeys, stockFeedStores, locks] = await Promise.all([
    db.systemEndpoint.findMany(),
    db.apiKey.findMany({ orderBy: { createdAt: "desc" } }),
    listStockFeedStores(db),
    lockedSignIns(db),
  ]);
  const isAdmin = staff.role === "ADMIN";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Systems</h1>
      <section aria-labelledby="sign-in-locks" className="space-y-2 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="sign-in-locks" className="text-lg font-semibold">
          Sign-in lockouts
        </h2>
        <p className="text-sm text-slate-600">
          Twenty wrong passwords for one account within 15 minutes (a hundred from one address) lock it for 15 minutes; from the fifth, each try waits
          longer. Every attempt is in the sign-in audit.
        </p>
        {locks.length === 0 ? <p className="text-sm">Nothing is locked.</p> : null}
        <ul className="space-y-2">
          {locks.map((lock) => (
            <li key={lock.key} className="flex flex-wrap items-center gap-3 text-sm">
              <span>
                <strong>{lock.key.startsWith("account:") ? lock.key.slice("account:".length) : `Client ${lock.key.slice("client:".length)}`}</strong>: {lock.failures} failures, locked until{" "}
                {formatOpsTime(lock.lockedUntil)}
              </span>
              {isAdmin ? (
                <ActionForm action={unlockSignInAction} submitLabel="Unlock" pendingLabel="Unlocking…" buttonLabel={`Unlock ${lock.key}`}>
                  <input type="hidden" name="key" value={lock.key} />
                </ActionForm>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <p className="max-w-3xl text-slate-600">
        Each system receives the events it subscribes to as signed HTTP requests (Standard Webhooks). Use Handoff&apos;s built-in module, or
        point the system at your own endpoint and verify with its signing secret. External systems send events to the OMS at{" "}
        <code className="rounded bg-slate-100 px-1">{internalBaseUrl()}/api/v1/events/&#123;system&#125;</code>, signed with the same secret.
      </p>
      <ul className="space-y-4">
        {ALL_SYSTEMS.map((system) => {
          const endpoint = endpoints.find((row) => row.system === system)!;
          return (
            <li key={system} className="rounded-xl border border-slate-200 bg-white p-5">
              <h2 className="text-lg font-semibold">{system}</h2>
              <p className="text-sm text-slate-600">
                {system === "OMS"
                  ? "Handoff's order core. Other systems sign what they send it with their own secrets."
                  : endpoint.mode === "EXTERNAL"
                    ? `External: ${endpoint.url}`
                    : "Built-in module"}
              </p>
              {system === "OMS" ? null : (
                <p className="mt-1 text-sm">
                  Signing secret: <code className="rounded bg-slate-100 px-1">{isAdmin ? endpoint.signingSecret : `${endpoint.signingSecret.slice(0, 10)}…`}</code>
                </p>
              )}
              {isAdmin && system !== "OMS" ? (
                <ActionForm action={saveEndpointAction} submitLabel={`Save ${system}`} pendingLabel="Saving…" className="mt-3 space-y-3">
                  <input type="hidden" name="system" value={system} />
                  <div className="flex flex-wrap gap-3">
                    <label className="text-sm font-medium">
                      Receives events via
                      <select name="mode" defaultValue={endpoint.mode} className="mt-1 block min-h-11 rounded-lg border border-slate-300 bg-white px-2">
                        <option value="BUILT_IN">Built-in module</option>
                        <option value="EXTERNAL">External URL</option>
                      </select>
                    </label>
                    <label className="min-w-80 flex-1 text-sm font-medium">
                      External URL
                      <input name="url" type="url" defaultValue={endpoint.url ?? ""} placeholder="https://wms.example.com/handoff/events" className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3" />
                    </label>
                  </div>
                </ActionForm>
              ) : null}
              {isAdmin && system !== "OMS" ? (
                <ActionForm action={rotateSecretAction} submitLabel={`Rotate ${system} secret`} pendingLabel="Rotating…" danger className="mt-3">
                  <input type="hidden" name="system" value={system} />
                </ActionForm>
              ) : null}
            </li>
          );
        })}
      </ul>

      <section aria-labelledby="alert-webhook" className="space-y-2 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="alert-webhook" className="text-lg font-semibold">
          Alert webhook
        </h2>
        <p className="text-sm text-slate-600">
          {alertWebhookUrl
            ? `Alerts go to ${alertWebhookUrl} as Slack-compatible JSON, one per incident.`
            : "Set HANDOFF_ALERT_WEBHOOK_URL to send alerts (Slack-compatible JSON, one per incident); until then they show as a banner on the overview."}
        </p>
        {isAdmin ? (
          <p className="text-sm">
            Signed with (Standard Webhooks): <code className="rounded bg-slate-100 px-1">{alertSigningSecret()}</code>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="api-keys" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="api-keys" className="text-lg font-semibold">
          API keys
        </h2>
        <p className="max-w-3xl text-sm text-slate-600">
          Machines read an order&apos;s cascade at <code className="rounded bg-slate-100 px-1">GET /api/v1/orders/&#123;number&#125;/cascade</code> with{" "}
          <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;key&gt;</code>. A sales channel&apos;s key also sends that channel&apos;s orders to{" "}
          <code className="rounded bg-slate-100 px-1">POST /api/v1/orders</code>.
        </p>
        <ul className="divide-y divide-slate-100 text-sm">
          {apiKeys.length === 0 ? <li className="py-2 text-slate-500">No keys yet.</li> : null}
          {apiKeys.map((apiKey) => (
            <li key={apiKey.id} className="flex flex-wrap items-center gap-3 py-2">
              <span className="font-medium">{apiKey.name}</span>
              {apiKey.channel ? <span className="rounded-full bg-brand-50 px-2 text-xs font-medium text-brand-700">{CHANNEL_NAMES[apiKey.channel]} orders</span> : null}
              <code className="rounded bg-slate-100 px-1">{apiKey.prefix}…</code>
              <span className="text-slate-500">
                {apiKey.revokedAt ? "revoked" : apiKey.lastUsedAt ? `last used ${formatOpsTime(apiKey.lastUsedAt)}` : "never used"}
              </span>
              {isAdmin && !apiKey.revokedAt ? (
                <ActionForm action={revokeApiKeyAction} submitLabel="Revoke" buttonLabel={`Revoke ${apiKey.name}`} danger>
                  <input type="hidden" name="id" value={apiKey.id} />
                </ActionForm>
              ) : null}
            </li>
          ))}
        </ul>
        {isAdmin ? (
          <ActionForm action={createApiKeyAction} submitLabel="Create API key" pendingLabel="Creating…" className="space-y-2">
            <label className="block text-sm font-medium">
              Key name
              <input name="name" placeholder="Retailer monitoring" className="mt-1 block min-h-11 w-80 rounded-lg border border-slate-300 px-3" />
            </label>
            <label className="block text-sm font-medium">
              Sales channel
              <select name="channel" defaultValue="" className="mt-1 block min-h-11 w-80 rounded-lg border border-slate-300 bg-white px-2">
                <option value="">None (read-only key)</option>
                <option value="MARKETPLACE">{CHANNEL_NAMES.MARKETPLACE}: may send its orders</option>
                <option value="STOREFRONT_PLATFORM">{CHANNEL_NAMES.STOREFRONT_PLATFORM}: may send its orders</option>
              </select>
            </label>
          </ActionForm>
        ) : null}
      </section>

      <StockFeedSecrets stores={stockFeedStores} canRotate={isAdmin} />
    </div>
  );
}
