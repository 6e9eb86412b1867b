import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, getJson } from "./get-json";

// A real HTTP server answering the ways Taskboard's API (or something in front of it) can answer.
let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (status: number, body: string) => res.writeHead(status, { "content-type": "application/json" }).end(body);
    if (req.url?.startsWith("/ok")) return send(200, JSON.stringify({ TaskSet: [], url: req.url }));
    if (req.url === "/upstream-error") return send(502, JSON.stringify({ Error: { Code: "InternalError", Message: "boom" }, RequestId: "req-1" }));
    if (req.url === "/error-in-200") return send(200, JSON.stringify({ Error: { Code: "AuthFailure", Message: "denied" }, RequestId: "req-2" }));
    if (req.url === "/html") return res.writeHead(504, { "content-type": "text/html" }).end("<html>gateway</html>");
    send(404, "{}");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ApiError);

describe("getJson", () => {
  it("returns the parsed body, with the query string", async () => {
    expect(await getJson(`${base}/ok`, new URLSearchParams({ Status: "FINISH" }))).toEqual({ TaskSet: [], url: "/ok?Status=FINISH" });
  });

  it("turns an error envelope into an ApiError with Code, Message and RequestId, whatever the status", async () => {
    for (const [path, status, code, requestId] of [["/upstream-error", 502, "InternalError", "req-1"], ["/error-in-200", 200, "AuthFailure", "req-2"]] as const) {
      const e = await failure(getJson(`${base}${path}`));
      expect(e).toBeInstanceOf(ApiError);
      expect([e?.status, e?.code, e?.requestId]).toEqual([status, code, requestId]);
    }
  });

  it("names a body that is not JSON, and a server that cannot be reached", async () => {
    const html = await failure(getJson(`${base}/html`));
    expect([html?.status, html?.code]).toEqual([504, "InvalidResponse"]);
    const down = await failure(getJson("http://127.0.0.1:1/nothing"));
    expect([down?.status, down?.code, down?.requestId]).toEqual([0, "NetworkError", undefined]);
  });

  it("passes an abort through as the abort, not as an ApiError", async () => {
    const ac = new AbortController();
    ac.abort();
    const e = await failure(getJson(`${base}/ok`, null, ac.signal));
    expect(e).not.toBeInstanceOf(ApiError);
  });
});
