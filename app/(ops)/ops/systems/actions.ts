"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult, FormState } from "@/lib/platform/http/action-result";
import { apiKeyChannelSchema, apiKeyNameSchema, createApiKey, revokeApiKey } from "@/lib/platform/auth/api-keys";
import { ADMIN_ROLES } from "@/lib/platform/auth/staff";
import { withStaff } from "@/lib/platform/auth/with-staff";
import { endpointUpdateSchema, rotateSigningSecret, updateSystemEndpoint } from "@/lib/bus/manage-endpoints";
import { getDb } from "@/lib/platform/db/prisma";

const admin = (denied: string) => ({ roles: ADMIN_ROLES, denied, form: true });

export async function saveEndpointAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return withStaff(admin("Only an admin can change where systems receive events."), endpointUpdateSchema, formData, async (endpoint) => {
    await updateSystemEndpoint(getDb(), endpoint);
    revalidatePath("/ops/systems");
    return { ok: true, message: endpoint.mode === "EXTERNAL" ? `Events for ${endpoint.system} now go to ${endpoint.url}.` : `${endpoint.system} uses the built-in module.` };
  });
}

const systemSchema = z.object({ system: z.enum(["STOREFRONT", "OMS", "WMS", "POS", "NOTIFICATION"], "Unknown system.") });

export async function rotateSecretAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return withStaff(admin("Only an admin can rotate signing secrets."), systemSchema, formData, async ({ system }) => {
    await rotateSigningSecret(getDb(), system);
    revalidatePath("/ops/systems");
    return { ok: true, message: `${system} has a new signing secret.` };
  });
}

const newKeySchema = z.object({ name: z.preprocess((value) => value ?? "", apiKeyNameSchema), channel: z.preprocess((value) => value ?? "", apiKeyChannelSchema) });

export async function createApiKeyAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return withStaff(admin("Only an admin can create API keys."), newKeySchema, formData, async ({ name, channel }) => {
    const { key } = await createApiKey(getDb(), name, channel);
    revalidatePath("/ops/systems");
    return { ok: true, message: `Key for ${name}: ${key} — copy it now; it is not shown again.` };
  });
}

const NO_SUCH_KEY = "That key does not exist or is already revoked.";

export async function revokeApiKeyAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return withStaff(admin("Only an admin can revoke API keys."), z.object({ id: z.uuid(NO_SUCH_KEY) }), formData, async ({ id }) => {
    if (!(await revokeApiKey(getDb(), id))) return { ok: false, message: NO_SUCH_KEY };
    revalidatePath("/ops/systems");
    return { ok: true, message: "Key revoked." };
  });
}
