import type { BarePage } from "./bare-chromium";

// What a page's JS heap holds, split the way a leak hunt needs it: compiled code (V8 keeps compiling hot
// functions to faster tiers for many minutes on a page that works every few seconds: that growth is bounded by
// the code there is) and everything else, the objects a leak would pile up. From one heap snapshot after a GC.

export interface HeapBreakdown {
  codeBytes: number;
  objectBytes: number;
}

export async function heapBreakdown(page: BarePage): Promise<HeapBreakdown> {
  await page.send("HeapProfiler.collectGarbage");
  const chunks: string[] = [];
  const off = page.on("HeapProfiler.addHeapSnapshotChunk", (e) => chunks.push(e.chunk as string));
  try {
    await page.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  } finally {
    off();
  }
  const snap = JSON.parse(chunks.join("")) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const sizeAt = fields.indexOf("self_size");
  let codeBytes = 0;
  let objectBytes = 0;
  for (let i = 0; i < snap.nodes.length; i += width) {
    const size = snap.nodes[i + sizeAt] ?? 0;
    if (types[snap.nodes[i + typeAt] ?? -1] === "code") codeBytes += size;
    else objectBytes += size;
  }
  return { codeBytes, objectBytes };
}
