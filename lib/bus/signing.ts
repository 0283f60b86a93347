import { randomBytes } from "node:crypto";
import { Webhook, WebhookVerificationError } from "standardwebhooks";

// Every boundary crossing is signed per the Standard Webhooks spec (HMAC-SHA256 over
// id.timestamp.body), even between built-in modules on loopback, so any module can be
// swapped for a retailer's real system without changing the contract.

export function newSigningSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export function signedHeaders(secret: string, webhookId: string, body: string, at = new Date()): Record<string, string> {
  return {
    "content-type": "application/json",
    "webhook-id": webhookId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(webhookId, at, body),
  };
}

export type Verification = { ok: true; webhookId: string } | { ok: false; reason: string };

// Ids are UUIDs or the sender's own short ids; a longer one is noise (and would not fit an index).
const MAX_WEBHOOK_ID_LENGTH = 200;

/** Checks the signature and that the timestamp is within five minutes of now. */
export function verifySignedRequest(secret: string, body: string, headers: Headers): Verification {
  const webhookId = headers.get("webhook-id");
  const timestamp = headers.get("webhook-timestamp");
  const signature = headers.get("webhook-signature");
  if (!webhookId || !timestamp || !signature) return { ok: false, reason: "Missing webhook-id, webhook-timestamp or webhook-signature header." };
  if (webhookId.length > MAX_WEBHOOK_ID_LENGTH) return { ok: false, reason: `The webhook-id header is longer than ${MAX_WEBHOOK_ID_LENGTH} characters.` };
  try {
    // The body is parsed by the receiver, which can say what is wrong with it; the library would only throw.
    new Webhook(secret).verify(body, { "webhook-id": webhookId, "webhook-timestamp": timestamp, "webhook-signature": signature }, { jsonParse: false });
    return { ok: true, webhookId };
  } catch (error) {
    if (error instanceof WebhookVerificationError) return { ok: false, reason: error.message };
    throw error;
  }
}
