import "server-only";
import { connection } from "next/server";
import { getConfig } from "@/lib/tencent/config";

/** Demo when no credentials are configured. Decided at request time, never baked into the build. */
export async function getRuntimeMode(): Promise<"demo" | "live"> {
  await connection();
  return getConfig().mode;
}
