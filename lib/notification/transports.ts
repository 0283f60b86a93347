import nodemailer, { type Transporter } from "nodemailer";
import QRCode from "qrcode";
import { PICKUP_QR_CID } from "@/lib/notification/emails/order-email";
import { readEnv } from "@/lib/platform/env";

// How the notification layer reaches customers. Email goes over SMTP when SMTP_URL is
// set; otherwise nodemailer builds the message without sending it and the message
// table is the local sink (readable at /ops/notifications). SMS has the same shape.

export type OutgoingMessage = { channel: string; recipient: string; subject: string; body: string; html?: string | null; qrPayload?: string | null };
export type MessageTransport = { send(message: OutgoingMessage): Promise<{ id: string }> };

let email: Transporter | undefined;

function emailTransporter(): Transporter {
  const smtpUrl = readEnv().SMTP_URL;
  email ??= smtpUrl ? nodemailer.createTransport(smtpUrl) : nodemailer.createTransport({ jsonTransport: true });
  return email;
}

/** For tests and configuration changes: the next send builds a fresh transport. */
export function resetTransports() {
  email?.close();
  email = undefined;
}

/** The provider interface for SMS; the built-in provider is the local sink. */
export type SmsProvider = { send(to: string, text: string): Promise<{ id: string }> };

const sinkSms: SmsProvider = { send: async () => ({ id: `sink-${Date.now()}` }) };

export const transports: MessageTransport = {
  async send(message) {
    if (message.channel === "sms") return sinkSms.send(message.recipient, message.body);
    // HTML with a plain-text part; the ready email's pickup QR code travels inline (cid), not as a remote image.
    const info = await emailTransporter().sendMail({
      from: readEnv().NOTIFICATION_FROM,
      to: message.recipient,
      subject: message.subject,
      text: message.body,
      ...(message.html ? { html: message.html } : {}),
      ...(message.qrPayload
        ? { attachments: [{ filename: "pickup-code.png", cid: PICKUP_QR_CID, contentType: "image/png", content: await QRCode.toBuffer(message.qrPayload, { width: 352, margin: 1 }) }] }
        : {}),
    });
    return { id: info.messageId };
  },
};
