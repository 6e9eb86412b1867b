import { describe, expect, it } from "vitest";
import { WALL_TOKEN_PARAM } from "@/lib/security/wall-tokens";
import { parseWallConfig, WALL_DEFAULTS, WALL_PANELS, WALL_PASSTHROUGH_PARAMS, wallApiQuery } from "./config";

const parse = (q: string) => parseWallConfig(new URLSearchParams(q));

describe("parseWallConfig", () => {
  it("defaults everything with no notices", () => {
    const { config, notices } = parse("");
    expect(config.layouts).toEqual([[...WALL_PANELS]]);
    expect(config).toMatchObject({ projects: null, interval: 15, stuckWait: 30, stuckRun: 120, hours: 6, theme: "dark", rotate: 30 });
    expect(notices).toEqual([]);
  });

  it("reads every parameter", () => {
    const { config, notices } = parse(
      "panels=mps,wedata|failures,stuck&projects=1460947878944567297&interval=5&stuckWait=10&stuckRun=45&hours=3&theme=light&rotate=20",
    );
    expect(config).toEqual({
      layouts: [["mps", "wedata"], ["failures", "stuck"]],
      projects: ["1460947878944567297"],
      interval: 5,
      stuckWait: 10,
      stuckRun: 45,
      hours: 3,
      theme: "light",
      rotate: 20,
    });
    expect(notices).toEqual([]);
  });

  it("drops invalid values with a notice each", () => {
    const { config, notices } = parse("interval=0&stuckWait=abc&hours=99&theme=pink&rotate=1.5&stuckRun=-3");
    expect(config.interval).toBe(WALL_DEFAULTS.interval);
    expect(config.stuckWait).toBe(WALL_DEFAULTS.stuckWait);
    expect(config.hours).toBe(WALL_DEFAULTS.hours);
    expect(config.theme).toBe("dark");
    expect(config.rotate).toBe(WALL_DEFAULTS.rotate);
    expect(config.stuckRun).toBe(WALL_DEFAULTS.stuckRun);
    expect(notices).toEqual([
      "Ignored interval=0",
      "Ignored stuckWait=abc",
      "Ignored stuckRun=-3",
      "Ignored hours=99",
      "Ignored theme=pink",
      "Ignored rotate=1.5",
    ]);
  });

  it("keeps the known panels of a partly wrong list and names the unknown ones", () => {
    const { config, notices } = parse("panels=mps,bogus|nothing");
    expect(config.layouts).toEqual([["mps"]]);
    expect(notices).toEqual(["Unknown panel bogus, nothing"]);
  });

  it("falls back to all panels when none is known", () => {
    const { config, notices } = parse("panels=foo");
    expect(config.layouts).toEqual(WALL_DEFAULTS.layouts);
    expect(notices).toEqual(["Ignored panels=foo"]);
  });

  it("keeps project ids as strings and reports malformed ones", () => {
    const { config, notices } = parse("projects=1460947878944567296,abc,1460947878944567296");
    expect(config.projects).toEqual(["1460947878944567296"]);
    expect(notices).toEqual(["Ignored project abc"]);
  });

  it("names unknown parameters in one notice, after the others, and still reads the known ones", () => {
    const { config, notices } = parse("bogus=1&interval=0&hours=3&intervall=5&bogus=2");
    expect(config.hours).toBe(3);
    expect(config.interval).toBe(WALL_DEFAULTS.interval);
    expect(notices).toEqual(["Ignored interval=0", "Unknown parameters bogus, intervall"]);
    expect(parse("__proto__=1").notices).toEqual(["Unknown parameter __proto__"]);
    expect(parseWallConfig({ bogus: "1", hours: "2", gone: undefined }).notices).toEqual(["Unknown parameter bogus"]);
  });

  it("does not flag the wall link's access token", () => {
    expect(WALL_PASSTHROUGH_PARAMS).toContain(WALL_TOKEN_PARAM);
    expect(parse(`${WALL_TOKEN_PARAM}=abcdefghijklmnopqrstuvwxyz&hours=2`).notices).toEqual([]);
  });

  it("builds the API query from the config", () => {
    const { config } = parse("projects=1,2&interval=4&hours=2");
    expect(wallApiQuery(config)).toBe("projects=1%2C2&stuckWait=30&stuckRun=120&hours=2&interval=4");
  });
});
