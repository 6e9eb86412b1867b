"use client";

// Recharts is heavy: every chart is loaded on demand with next/dynamic, so the table paints before it arrives.
// Import charts from here, not from their files.

import dynamic from "next/dynamic";
import { ChartSkeleton } from "./chart-frame";

export { ChartFrame, ChartSkeleton } from "./chart-frame";
export type { CategoryDatum } from "./category-bar-chart";
export type { SeriesDef } from "./stacked-time-chart";

export const CategoryBarChart = dynamic(() => import("./category-bar-chart"), { ssr: false, loading: () => <ChartSkeleton /> });
export const StackedTimeChart = dynamic(() => import("./stacked-time-chart"), { ssr: false, loading: () => <ChartSkeleton /> });
export const HistogramChart = dynamic(() => import("./histogram-chart"), { ssr: false, loading: () => <ChartSkeleton /> });
