export type BodyRefusal = { ok: false; status: 400 | 413; error: string };
export type BodyText = { ok: true; text: string } | BodyRefusal;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const tooLarge = (maxBytes: number): BodyRefusal => ({ ok: false, status: 413, error: `The body is larger than ${formatBytes(maxBytes)}; send less at a time.` });

export type BodyBytes = { ok: true; bytes: Buffer } | BodyRefusal;

/**
 * The body's bytes, read no further than `maxBytes`: a declared length over the limit is
 * refused before a byte is read, and a body that runs past it is cut off there, so no
 * sender can make the server hold more than the route allows.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<BodyBytes> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) return tooLarge(maxBytes);
  if (!request.body) return { ok: true, bytes: Buffer.alloc(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, status: 400, error: "The body could not be read to its end." };
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

/** Bytes as UTF-8 text, or the refusal that says they are not. */
export function utf8Text(bytes: Uint8Array): BodyText {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, status: 400, error: "The body is not UTF-8 text." };
  }
}

/** The body as UTF-8 text, read no further than `maxBytes` (see readBodyBytes). */
export async function readBodyText(request: Request, maxBytes: number): Promise<BodyText> {
  const body = await readBodyBytes(request, maxBytes);
  return body.ok ? utf8Text(body.bytes) : body;
}
