import clsx from "clsx";
import { SOURCE_LABEL, type WallSource } from "@/lib/wall/types";
import { SOURCE_BADGE } from "./tones";

export function SourceBadge({ source }: { source: WallSource }) {
  return (
    <span className={clsx("inline-block w-[6rem] shrink-0 rounded-[0.3rem] text-center text-[1.05rem] leading-[1.7rem] font-bold", SOURCE_BADGE[source])}>
      {SOURCE_LABEL[source]}
    </span>
  );
}
