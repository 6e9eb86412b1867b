// Small helpers for pages whose URL is their state (the MPS and WeData screens, the wall): reading the
// search parameters Next hands a page, and finding the names a screen does not know.

/** Reads `searchParams` as Next hands them to a page. */
export function toUrlSearchParams(sp: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) {
    if (Array.isArray(v)) v.forEach((x) => out.append(k, x));
    else if (v !== undefined) out.append(k, v);
  }
  return out;
}

/**
 * Parameters every page honours besides its own: `theme` (dark | light) is read before first paint by the
 * root layout's theme script (components/app-shell/theme-script.tsx), so a link can pin a theme.
 */
export const APP_WIDE_PARAMS = ["theme"] as const;

/**
 * The parameter names in `search` that are neither in `known` nor app-wide, each once, in URL order.
 * Compared as plain strings (never `in` an object), so `__proto__` or `constructor` are unknown names like
 * any other.
 */
export function unknownParamNames(search: URLSearchParams, known: Iterable<string>): string[] {
  const knownSet = new Set<string>([...known, ...APP_WIDE_PARAMS]);
  const out = new Set<string>();
  for (const name of search.keys()) if (!knownSet.has(name)) out.add(name);
  return [...out];
}

/** Shortens a name or value for a notice, so a garbage link can't fill the screen. */
export function clipForNotice(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
