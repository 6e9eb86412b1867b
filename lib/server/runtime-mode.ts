import "server-only";

// Placeholder until the config module lands: demo whenever no credentials are configured.
export async function getRuntimeMode(): Promise<"demo" | "live"> {
  return process.env.TENCENTCLOUD_SECRET_ID && process.env.TENCENTCLOUD_SECRET_KEY ? "live" : "demo";
}
