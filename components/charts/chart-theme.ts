// Shared chart styling: ticks take the surrounding text colour, so one chart reads well in light and dark.
export const axisTick = { fill: "currentColor", fontSize: 11 } as const;
export const gridStroke = "rgba(127,127,127,0.2)";
export const tooltipStyle = {
  fontSize: 12,
  borderRadius: 6,
  border: "1px solid rgba(127,127,127,0.3)",
  background: "var(--chart-tooltip-bg, #fff)",
  color: "var(--chart-tooltip-fg, #18181b)",
} as const;
