// The strategist's data for the Channels, Passion points, Personas, Loops, Ladder and
// Risks views: the document's roster (channels, personas, ladder) and the backend's
// StrategyReport (statuses, hand-offs, loops, vulnerabilities). Refreshed whenever the
// document's revision changes; every change goes through the DocumentStore as one Edit.

import * as ipc from '../document/ipc';
import type { DocumentStore } from '../document/state.svelte';
import type { Channel, Edit, Persona, Roster, Rung, StrategyReport } from '../generated/types';

export class PlanStore {
  roster = $state.raw<Roster | null>(null);
  report = $state.raw<StrategyReport | null>(null);
  #loadedFor: string | null = null;
  #pending: Promise<void> | null = null;
  #store: DocumentStore;

  constructor(store: DocumentStore) {
    this.#store = store;
  }

  get channels(): Channel[] {
    return this.roster?.channels ?? [];
  }

  get personas(): Persona[] {
    return this.roster?.personas ?? [];
  }

  get ladder(): Rung[] {
    return this.roster?.ladder ?? [];
  }

  /**
   * Fetches roster and report again if the document changed since the last fetch. A call
   * while a fetch for the same revision is under way waits for that one.
   */
  refresh(force = false): Promise<void> {
    const doc = this.#store.doc;
    const key = doc ? `${doc.path}\u0000${doc.revision}` : null;
    if (!force && key === this.#loadedFor && this.#pending) return this.#pending;
    this.#loadedFor = key;
    const pending = this.#fetch(key, doc !== null);
    this.#pending = pending;
    return pending;
  }

  async #fetch(key: string | null, open: boolean): Promise<void> {
    if (!open) {
      this.roster = null;
      this.report = null;
      return;
    }
    const [roster, report] = await Promise.all([ipc.roster(), ipc.strategyReport()]);
    // A newer refresh may have started meanwhile; only the latest answer is kept.
    if (this.#loadedFor !== key) return;
    this.roster = roster;
    this.report = report;
  }

  /** Applies one edit (one undo step) and refreshes. */
  async apply(edit: Edit): Promise<void> {
    await this.#store.applyEdit(edit);
    await this.refresh();
  }

  channel(id: string | null | undefined): Channel | undefined {
    return id ? this.channels.find((c) => c.id === id) : undefined;
  }

  persona(id: string | null | undefined): Persona | undefined {
    return id ? this.personas.find((p) => p.id === id) : undefined;
  }
}

/** The props every plan view takes (ChannelsView, PassionView, PersonasView, …). */
export interface PlanViewProps {
  plan: PlanStore;
  store: DocumentStore;
  /** Switch to the map view with this card selected. */
  onshowcard: (mapId: string, cardId: string) => void;
}
