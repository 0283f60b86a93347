import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "@playwright/test";
import { simpleParser, type ParsedMail } from "mailparser";
import { MAIL_DIR } from "./mail-sink";

/** Waits for an email whose subject matches, as the SMTP test server received it. */
export async function waitForMail(subject: RegExp, timeoutMs = 20_000): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await expect(async () => {
    for (const name of (await readdir(MAIL_DIR)).sort().reverse()) {
      const mail = await simpleParser(await readFile(path.join(MAIL_DIR, name)));
      if (subject.test(mail.subject ?? "")) {
        found = mail;
        return;
      }
    }
    throw new Error(`No mail yet with a subject like ${subject}`);
  }).toPass({ timeout: timeoutMs });
  return found!;
}

/** The order page link in a message's text part. */
export function orderLinkIn(mail: ParsedMail): string {
  const link = /https?:\/\/\S+\/orders\/[A-Za-z0-9_-]{20,}/.exec(mail.text ?? "")?.[0];
  if (!link) throw new Error(`No order link in "${mail.subject}"`);
  return link;
}
