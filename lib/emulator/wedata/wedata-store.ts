import { EMULATOR_PROJECT_IDS, PROJECT_INSTANCES_AT_START } from "./catalogue";
import { ProjectStore } from "./project-store";

// All emulated WeData projects. Catalogues are sized for roughly a month of history at any scale.

const HISTORY_DAYS = 30;

export class WedataStore {
  readonly projects = new Map<string, ProjectStore>();

  constructor(seed: number, scale: number, startedAt: number) {
    EMULATOR_PROJECT_IDS.forEach((id, p) => {
      const target = Math.round((PROJECT_INSTANCES_AT_START[p] as number) * scale);
      this.projects.set(id, new ProjectStore(seed, p, target, startedAt, target / HISTORY_DAYS));
    });
  }

  project(id: string, now: number): ProjectStore | undefined {
    const store = this.projects.get(id);
    store?.advance(now);
    return store;
  }
}
