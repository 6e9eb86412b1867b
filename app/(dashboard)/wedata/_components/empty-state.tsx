import { SearchX } from "lucide-react";
import { stateName } from "@/lib/wedata/names";
import type { WedataSearchParams } from "../search-params";

/** An empty result that says why: which filters are narrowing the listing, and a way out. */
export function EmptyState({ params, project, onClear }: { params: WedataSearchParams; project: string | null; onClear: () => void }) {
  const reasons: string[] = [];
  if (params.q) reasons.push(`keyword “${params.q}”`);
  if (params.state.length) reasons.push(`state ${params.state.map(stateName).join(" or ")}`);
  if (params.itype != null || params.cycle || params.tasktype != null) reasons.push("type filters");
  if (params.owner || params.folder || params.workflow || params.group) reasons.push("owner / folder / workflow / resource group");
  if (params.sched || params.start || params.upd) reasons.push("a time window");
  return (
    <div className="flex flex-col items-center gap-2 py-6" data-testid="empty-state">
      <SearchX className="size-6 text-zinc-400" aria-hidden />
      <p className="font-medium text-zinc-800 dark:text-zinc-100">No instances match in project {project}.</p>
      <p>{reasons.length ? <>Narrowed by {reasons.join(", ")}.</> : <>This project has no task instances yet.</>}</p>
      {reasons.length ? (
        <button type="button" onClick={onClear} className="rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
