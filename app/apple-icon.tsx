import { ImageResponse } from "next/og";

export const size = { width: 180, height: 180 };
export const contentType = "image/png";

/** The home-screen icon for phones and store tablets: the shopping bag with a check, drawn at build time. */
export default function AppleIcon() {
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", alignItems: "center", justifyContent: "center", background: "#1f5fd1", borderRadius: 36 }}>
        <svg width="132" height="132" viewBox="0 0 64 64">
          <path d="M14 30h36l-4 20H18z" fill="#fff" />
          <path d="M23 30v-6a9 9 0 0 1 18 0v6" fill="none" stroke="#fff" strokeWidth="5" strokeLinecap="round" />
          <path d="m26 40 5 5 8-9" fill="none" stroke="#1f5fd1" strokeWidth="4" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </div>
    ),
    size,
  );
}
