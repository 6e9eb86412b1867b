import { request } from "node:http";

// HTTP with nothing normalised: fetch() resolves `..` and `%2e%2e` and refuses some headers (Host) before a
// request leaves, which would hide exactly the tricks the security tests must send.

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function rawRequest(
  baseUrl: string,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  const base = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: base.hostname, port: base.port, method: opts.method ?? "GET", path: opts.path, headers: opts.headers, setHost: !opts.headers?.host && !opts.headers?.Host },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${opts.method ?? "GET"} ${opts.path}`)));
    req.end(opts.body);
  });
}
