import { createParser, parseAsInteger, parseAsStringLiteral } from "nuqs/server";

// The wall is configured entirely by its URL, so one link sets up a screen (Grafana's kiosk idea). This one
// parser map is read by the page (what to show, how often) and by /api/wall (what to gather), so a shared
// link and an API call mean the same thing. Anything invalid is dropped and reported as a notice: a TV must
// never show a crash because someone mistyped a link.

export const WALL_PANELS = ["mps", "wedata", "failures", "stuck", "timeline"] as const;
export type WallPanel = (typeof WALL_PANELS)[number];

export const WALL_THEMES = ["dark", "light"] as const;
export type WallTheme = (typeof WALL_THEMES)[number];

export const WALL_DEFAULTS = {
  layouts: [[...WALL_PANELS]] as WallPanel[][],
  interval: 15,
  stuckWait: 30,
  stuckRun: 120,
  hours: 6,
  theme: "dark" as WallTheme,
  rotate: 30,
};

/** Bounds keep a typo from hammering the upstream (interval 0) or asking for more than MPS keeps (7 days). */
export const WALL_LIMITS = {
  interval: [2, 3600],
  stuckWait: [1, 7 * 24 * 60],
  stuckRun: [1, 7 * 24 * 60],
  hours: [1, 24],
  rotate: [5, 3600],
} as const;

const MAX_PROJECTS = 4;

function boundedInt(min: number, max: number) {
  return createParser({
    parse: (raw) => {
      const n = parseAsInteger.parse(raw);
      return n !== null && /^\d+$/.test(raw.trim()) && n >= min && n <= max ? n : null;
    },
    serialize: String,
  });
}

/**
 * `panels=mps,wedata|failures,stuck,timeline`: `|` separates layouts (rotated every `rotate` seconds), `,`
 * separates panels within one. Unknown names are dropped (reported by {@link parseWallConfig}).
 */
export const parseAsLayouts = createParser<WallPanel[][]>({
  parse: (raw) => {
    const layouts = raw
      .split("|")
      .map((part) =>
        [...new Set(part.split(",").map((p) => p.trim()))].filter((p): p is WallPanel =>
          (WALL_PANELS as readonly string[]).includes(p),
        ),
      )
      .filter((layout) => layout.length > 0);
    return layouts.length > 0 ? layouts : null;
  },
  serialize: (layouts) => layouts.map((l) => l.join(",")).join("|"),
});

/** WeData project ids: long digit strings, never numbers (they exceed 2^53). */
export const parseAsProjects = createParser<string[]>({
  parse: (raw) => {
    const ids = [...new Set(raw.split(",").map((p) => p.trim()))].filter((p) => /^\d{1,32}$/.test(p));
    return ids.length > 0 ? ids.slice(0, MAX_PROJECTS) : null;
  },
  serialize: (ids) => ids.join(","),
});

export const wallParsers = {
  panels: parseAsLayouts,
  projects: parseAsProjects,
  interval: boundedInt(...WALL_LIMITS.interval),
  stuckWait: boundedInt(...WALL_LIMITS.stuckWait),
  stuckRun: boundedInt(...WALL_LIMITS.stuckRun),
  hours: boundedInt(...WALL_LIMITS.hours),
  theme: parseAsStringLiteral(WALL_THEMES),
  rotate: boundedInt(...WALL_LIMITS.rotate),
};

/**
 * Parameters the wall doesn't read but must not call unknown: `token` is the read-only wall link's access
 * token (lib/security/wall-tokens.ts WALL_TOKEN_PARAM), which the proxy moves into a cookie when access
 * control is on and which is simply unused when it is off.
 */
export const WALL_PASSTHROUGH_PARAMS = ["token"] as const;

export type WallConfig = {
  layouts: WallPanel[][];
  /** null: every configured project. */
  projects: string[] | null;
  /** Seconds between refreshes. */
  interval: number;
  /** Minutes a task may wait before it counts as stuck. */
  stuckWait: number;
  /** Minutes a task may run before it counts as stuck. */
  stuckRun: number;
  /** Hours the timeline covers. */
  hours: number;
  theme: WallTheme;
  /** Seconds per layout when `panels` names several. */
  rotate: number;
};

type Raw = URLSearchParams | Record<string, string | string[] | undefined>;

function get(raw: Raw, key: string): string | null {
  if (raw instanceof URLSearchParams) return raw.get(key);
  const v = raw[key];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

/** Parses the wall's URL; every ignored or partly ignored parameter yields one human-readable notice. */
export function parseWallConfig(raw: Raw): { config: WallConfig; notices: string[] } {
  const notices: string[] = [];
  const read = <K extends keyof typeof wallParsers>(key: K) => {
    const value = get(raw, key);
    if (value === null) return null;
    const parsed = wallParsers[key].parse(value) as ReturnType<(typeof wallParsers)[K]["parse"]>;
    if (parsed === null) notices.push(`Ignored ${key}=${truncate(value)}`);
    return parsed;
  };

  const layouts = read("panels");
  const rawPanels = get(raw, "panels");
  if (layouts && rawPanels) {
    const unknown = rawPanels
      .split(/[|,]/)
      .map((p) => p.trim())
      .filter((p) => p && !(WALL_PANELS as readonly string[]).includes(p));
    if (unknown.length) notices.push(`Unknown panel ${[...new Set(unknown)].map(truncate).join(", ")}`);
  }
  const projects = read("projects");
  const rawProjects = get(raw, "projects");
  if (projects && rawProjects) {
    const bad = rawProjects.split(",").map((p) => p.trim()).filter((p) => p && !/^\d{1,32}$/.test(p));
    if (bad.length) notices.push(`Ignored project ${bad.map(truncate).join(", ")}`);
    if (new Set(rawProjects.split(",").map((p) => p.trim()).filter((p) => /^\d{1,32}$/.test(p))).size > MAX_PROJECTS)
      notices.push(`Only the first ${MAX_PROJECTS} projects are shown`);
  }

  const config: WallConfig = {
    layouts: layouts ?? WALL_DEFAULTS.layouts,
    projects,
    interval: read("interval") ?? WALL_DEFAULTS.interval,
    stuckWait: read("stuckWait") ?? WALL_DEFAULTS.stuckWait,
    stuckRun: read("stuckRun") ?? WALL_DEFAULTS.stuckRun,
    hours: read("hours") ?? WALL_DEFAULTS.hours,
    theme: read("theme") ?? WALL_DEFAULTS.theme,
    rotate: read("rotate") ?? WALL_DEFAULTS.rotate,
  };

  // Names the wall doesn't know at all (a typo like `intervall=5` would otherwise be silently ignored).
  const known: readonly string[] = [...Object.keys(wallParsers), ...WALL_PASSTHROUGH_PARAMS];
  const names = raw instanceof URLSearchParams ? [...raw.keys()] : Object.keys(raw).filter((k) => raw[k] !== undefined);
  const unknownNames = [...new Set(names)].filter((k) => !known.includes(k));
  if (unknownNames.length) notices.push(`Unknown parameter${unknownNames.length === 1 ? "" : "s"} ${unknownNames.map(truncate).join(", ")}`);

  return { config, notices };
}

function truncate(s: string): string {
  return s.length > 24 ? `${s.slice(0, 23)}…` : s;
}

/** Only what the server needs to gather: the query string of `/api/wall` for a config. */
export function wallApiQuery(config: WallConfig): string {
  const q = new URLSearchParams();
  if (config.projects) q.set("projects", config.projects.join(","));
  q.set("stuckWait", String(config.stuckWait));
  q.set("stuckRun", String(config.stuckRun));
  q.set("hours", String(config.hours));
  q.set("interval", String(config.interval));
  return q.toString();
}
