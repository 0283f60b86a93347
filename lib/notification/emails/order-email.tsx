import { Body, Button, Container, Head, Heading, Hr, Html, Img, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export type OrderEmailProps = {
  preview: string;
  heading: string;
  /** Paragraphs before the details. */
  intro: ReactNode[];
  /** The pickup code with its QR drawn inline (cid:pickup-qr), for the ready email. */
  pickupCode?: string;
  details: { label: string; value: string }[];
  /** What to do, in the pickup method's words. */
  instructions?: string;
  action?: { label: string; href: string };
  footer: string[];
};

export const PICKUP_QR_CID = "pickup-qr";

const font = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/** Every customer email: one heading, what happened, the order's pickup details, what to do, one button. */
export function OrderEmail({ preview, heading, intro, pickupCode, details, instructions, action, footer }: OrderEmailProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f1f5f9", fontFamily: font, margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: 12, maxWidth: 560, padding: 32 }}>
          <Text style={{ color: "#0f766e", fontSize: 14, fontWeight: 700, letterSpacing: 1, margin: 0 }}>HANDOFF</Text>
          <Heading as="h1" style={{ color: "#0f172a", fontSize: 24, lineHeight: "32px", margin: "12px 0 16px" }}>
            {heading}
          </Heading>
          {intro.map((paragraph, index) => (
            <Text key={index} style={{ color: "#334155", fontSize: 16, lineHeight: "24px", margin: "0 0 12px" }}>
              {paragraph}
            </Text>
          ))}
          {pickupCode ? (
            <Section style={{ border: "1px solid #e2e8f0", borderRadius: 12, margin: "16px 0", padding: 16, textAlign: "center" }}>
              <Img src={`cid:${PICKUP_QR_CID}`} width="176" height="176" alt={`QR code for pickup code ${pickupCode}`} style={{ margin: "0 auto" }} />
              <Text style={{ color: "#475569", fontSize: 14, margin: "8px 0 0" }}>Pickup code</Text>
              <Text style={{ color: "#0f172a", fontFamily: "ui-monospace, Menlo, monospace", fontSize: 32, fontWeight: 700, letterSpacing: 6, lineHeight: "40px", margin: 0 }}>
                {pickupCode}
              </Text>
            </Section>
          ) : null}
          <Section style={{ backgroundColor: "#f8fafc", borderRadius: 12, margin: "16px 0", padding: "12px 16px" }}>
            {details.map((detail) => (
              <Text key={detail.label} style={{ color: "#0f172a", fontSize: 15, lineHeight: "22px", margin: "4px 0" }}>
                <strong>{detail.label}:</strong> {detail.value}
              </Text>
            ))}
          </Section>
          {instructions ? <Text style={{ color: "#0f172a", fontSize: 16, lineHeight: "24px", margin: "0 0 16px" }}>{instructions}</Text> : null}
          {action ? (
            <Button href={action.href} style={{ backgroundColor: "#0f766e", borderRadius: 8, color: "#ffffff", fontSize: 16, fontWeight: 600, padding: "12px 20px" }}>
              {action.label}
            </Button>
          ) : null}
          <Hr style={{ borderColor: "#e2e8f0", margin: "24px 0 12px" }} />
          {footer.map((line) => (
            <Text key={line} style={{ color: "#64748b", fontSize: 13, lineHeight: "20px", margin: "0 0 4px" }}>
              {line}
            </Text>
          ))}
        </Container>
      </Body>
    </Html>
  );
}
