"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult, FormState } from "@/lib/platform/http/action-result";
import { apiKeyChannelSchema, apiKeyNameSchema, createApiKey, revokeApiKey } from "@/lib/platform/auth/api-keys";
import { ADMIN_ROLES, staffWithRole } from "@/lib/platform/auth/staff";
import { endpointUpdateSchema, rotateSigningSecret, updateSystemEndpoint } from "@/lib/bus/manage-endpoints";
import { getDb } from "@/lib/platform/db/prisma";
import { formInput } from "@/lib/platform/http/action-input";

export async function saveEndpointAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const input = formInput(formData);
  if (!input.ok) return input;
  if (!(await staffWithRole(ADMIN_ROLES))) return { ok: false, message: "Only an admin can change where systems receive events." };
  const parsed = endpointUpdateSchema.safeParse({ system: formData.get("system"), mode: formData.get("mode"), url: formData.get("url") ?? "" });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  await updateSystemEndpoint(getDb(), parsed.data);
  revalidatePath("/ops/systems");
  return { ok: true, message: parsed.data.mode === "EXTERNAL" ? `Events for ${parsed.data.system} now go to ${parsed.data.url}.` : `${parsed.data.system} uses the built-in module.` };
}

export async function rotateSecretAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const input = formInput(formData);
  if (!input.ok) return input;
  if (!(await staffWithRole(ADMIN_ROLES))) return { ok: false, message: "Only an admin can rotate signing secrets." };
  const parsed = z.enum(["STOREFRONT", "OMS", "WMS", "POS", "NOTIFICATION"]).safeParse(formData.get("system"));
  if (!parsed.success) return { ok: false, message: "Unknown system." };
  await rotateSigningSecret(getDb(), parsed.data);
  revalidatePath("/ops/systems");
  return { ok: true, message: `${parsed.data} has a new signing secret.` };
}

export async function createApiKeyAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const input = formInput(formData);
  if (!input.ok) return input;
  if (!(await staffWithRole(ADMIN_ROLES))) return { ok: false, message: "Only an admin can create API keys." };
  const parsed = apiKeyNameSchema.safeParse(formData.get("name") ?? "");
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const channel = apiKeyChannelSchema.safeParse(formData.get("channel") ?? "");
  if (!channel.success) return { ok: false, message: channel.error.issues[0]!.message };
  const { key } = await createApiKey(getDb(), parsed.data, channel.data);
  revalidatePath("/ops/systems");
  return { ok: true, message: `Key for ${parsed.data}: ${key} — copy it now; it is not shown again.` };
}

export async function revokeApiKeyAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const input = formInput(formData);
  if (!input.ok) return input;
  if (!(await staffWithRole(ADMIN_ROLES))) return { ok: false, message: "Only an admin can revoke API keys." };
  const parsed = z.uuid().safeParse(formData.get("id"));
  if (!parsed.success || !(await revokeApiKey(getDb(), parsed.data))) return { ok: false, message: "That key does not exist or is already revoked." };
  revalidatePath("/ops/systems");
  return { ok: true, message: "Key revoked." };
}
