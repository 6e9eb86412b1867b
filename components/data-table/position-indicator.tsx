import { formatCount } from "./format-count";

/** "1,240 of 18,305": where the reader is, out of everything that matches (or what is loaded when unknown). */
export function PositionIndicator({
  position,
  loaded,
  total,
  noun,
}: {
  position: number;
  loaded: number;
  total: number | null;
  noun: [string, string];
}) {
  const of = total ?? loaded;
  return (
    <div
      data-testid="position-indicator"
      className="flex items-center justify-between px-1 pt-1.5 text-xs text-zinc-600 tabular-nums dark:text-zinc-400"
    >
      <span>
        <span className="font-medium text-zinc-800 dark:text-zinc-200">{formatCount(position)}</span> of{" "}
        <span className="font-medium text-zinc-800 dark:text-zinc-200">{formatCount(of)}</span> {of === 1 ? noun[0] : noun[1]}
      </span>
      <span>{formatCount(loaded)} loaded</span>
    </div>
  );
}
