import { describe, expect, it } from "vitest";
import { StringPool } from "./string-pool";

describe("StringPool", () => {
  it("gives back an equal string, remembering each distinct value once", () => {
    const pool = new StringPool();
    const parsed = JSON.parse('["etl_orders","etl_orders","ads_user"]') as string[];
    expect(parsed.map((s) => pool.share(s))).toEqual(["etl_orders", "etl_orders", "ads_user"]);
    expect(pool.size).toBe(2);
  });

  it("stays bounded however many distinct values pass through", () => {
    const pool = new StringPool(1000);
    for (let i = 0; i < 10_000; i++) expect(pool.share(`v${i}`)).toBe(`v${i}`);
    expect(pool.size).toBeLessThanOrEqual(1000);
  });
});
