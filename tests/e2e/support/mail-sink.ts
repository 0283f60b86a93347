// A real SMTP server for the browser tests: the app sends its customer email here (SMTP_URL),
// and each message lands as an .eml file the tests read, as a shopper would read their inbox.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export const MAIL_DIR = path.resolve(".data/e2e-mail");
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);

let count = 0;

async function main() {
  await rm(MAIL_DIR, { recursive: true, force: true });
  await mkdir(MAIL_DIR, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const file = path.join(MAIL_DIR, `${Date.now()}-${++count}.eml`);
        writeFile(file, Buffer.concat(chunks)).then(() => callback(), callback);
      });
    },
  });
  server.listen(SMTP_PORT, "127.0.0.1", () => console.log(`[mail-sink] listening on 127.0.0.1:${SMTP_PORT}, writing to ${MAIL_DIR}`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
}

if (process.argv[1]?.endsWith("mail-sink.ts")) void main();
