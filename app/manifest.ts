import type { MetadataRoute } from "next";

/** Lets shoppers and store tablets add Handoff to their home screen, with its icon and name. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Handoff — order online, pick up in store",
    short_name: "Handoff",
    start_url: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#1f5fd1",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/apple-icon", sizes: "180x180", type: "image/png" },
    ],
  };
}
