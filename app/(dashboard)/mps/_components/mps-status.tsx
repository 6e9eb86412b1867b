import { AlertOctagon, CheckCircle2, Clock, Loader, XCircle, type LucideIcon } from "lucide-react";
import { StatusBadge, type BadgeTone } from "@/components/ui/status-badge";
import type { RowStatus } from "@/lib/mps/status";

// How MPS statuses look: colour, icon and words together, so none of them carries the meaning alone.

export const STATUS_LOOK: Record<RowStatus, { label: string; tone: BadgeTone; icon: LucideIcon; color: string; spin?: boolean }> = {
  WAITING: { label: "Waiting", tone: "warning", icon: Clock, color: "#d97706" },
  PROCESSING: { label: "Processing", tone: "progress", icon: Loader, color: "#4f46e5", spin: true },
  FINISH: { label: "Finished", tone: "success", icon: CheckCircle2, color: "#059669" },
  FINISH_FAILED: { label: "Sub-task failed", tone: "danger", icon: AlertOctagon, color: "#dc2626" },
};

export function MpsStatusBadge({ status }: { status: RowStatus }) {
  const look = STATUS_LOOK[status];
  return <StatusBadge tone={look.tone} icon={look.icon} label={look.label} spin={look.spin} />;
}

const SUB_LOOK: Record<string, { label: string; tone: BadgeTone; icon: LucideIcon }> = {
  SUCCESS: { label: "Success", tone: "success", icon: CheckCircle2 },
  FAIL: { label: "Failed", tone: "danger", icon: XCircle },
  PROCESSING: { label: "Processing", tone: "progress", icon: Loader },
  FINISH: { label: "Finished", tone: "success", icon: CheckCircle2 },
  WAITING: { label: "Waiting", tone: "warning", icon: Clock },
};

export function SubTaskStatusBadge({ status }: { status: string }) {
  const look = SUB_LOOK[status] ?? { label: status || "Unknown", tone: "neutral" as const, icon: Clock };
  return <StatusBadge tone={look.tone} icon={look.icon} label={look.label} />;
}
