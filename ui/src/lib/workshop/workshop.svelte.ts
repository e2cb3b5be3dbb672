// One workshop session in a window: who is writing or voting now, the cell notes go
// into, the round shown, and the last thing to tell the facilitator (a refused vote in
// the model's words). Everything the room does is an Edit sent through the document
// store (one undo step each); the participants come with the plan's roster, the rounds
// and votes with the stored map (`map_data`), both fetched again per revision.

import * as ipc from '../document/ipc';
import type { DocumentStore } from '../document/state.svelte';
import type { PlanStore } from '../plan/planStore.svelte';
import type { Edit, Map as JourneyMap, Participant, VoteResults, VoteRound } from '../generated/types';
import type { Cell } from '../editor/hit';
import { addParticipantEdit, removeParticipantEdit, renameParticipantEdit } from './participants';
import { captureEdit, cellExists, defaultCell } from './capture';
import {
  cardDots,
  countOf,
  csvName,
  isEligible,
  shownRound,
  startRoundEdit,
  voteEdit,
  voteProblem,
  type CardDots,
  type RoundForm,
  type Voter,
} from './voting';

/** Who the facilitator enters votes for: a participant's id, or the dots on paper. */
export type VoterId = string | 'paper';

export interface Notice {
  tone: 'error' | 'info';
  text: string;
}

/** A message as shown: its first letter in upper case (the model's start in lower case). */
export const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export class Workshop {
  /** What the panel is for now: typing the room's notes, or dot voting. */
  mode = $state<'capture' | 'vote'>('capture');
  /** Who writes the next note and whose votes are entered; null: nobody chosen yet. */
  voterId = $state<VoterId | null>(null);
  /** The cell notes go into (null: the default cell). */
  chosenCell = $state<Cell | null>(null);
  /** The round shown (null: the map's latest). */
  roundId = $state<string | null>(null);
  /** The stored map shown, as of the revision it was fetched for. */
  map = $state.raw<JourneyMap | null>(null);
  /** The shown round's ranked results (from the backend). */
  results = $state.raw<VoteResults | null>(null);
  notice = $state<Notice | null>(null);

  #store: DocumentStore;
  #plan: PlanStore;
  #loaded: string | null = null;
  /** Notes typed faster than the backend answers go in one after another, in order. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(store: DocumentStore, plan: PlanStore) {
    this.#store = store;
    this.#plan = plan;
  }

  get participants(): readonly Participant[] {
    return this.#plan.roster?.participants ?? [];
  }

  /** The participant chosen (null for nobody, or the paper). */
  get participant(): Participant | null {
    const id = this.voterId;
    return id && id !== 'paper' ? (this.participants.find((p) => p.id === id) ?? null) : null;
  }

  get voter(): Voter | null {
    if (this.voterId === 'paper') return { kind: 'paper' };
    const p = this.participant;
    return p ? { kind: 'participant', participant: p } : null;
  }

  get round(): VoteRound | null {
    return shownRound(this.map, this.roundId);
  }

  /**
   * What the map draws of the shown round while voting: each card's dots, and (while the
   * round is open) the cards that may get them. Null when not voting or there is no round.
   */
  get canvasVotes(): { dots: ReadonlyMap<string, CardDots>; eligible: ReadonlySet<string> } | null {
    const round = this.round;
    const map = this.map;
    if (this.mode !== 'vote' || !round || !map) return null;
    const eligible = round.state === 'open' ? map.cards.filter((c) => isEligible(round, c)).map((c) => c.id) : [];
    return { dots: cardDots(round, this.participants), eligible: new Set(eligible) };
  }

  /** The cell the next note goes into. */
  cell(selectedCardId: string | null): Cell | null {
    const map = this.map;
    if (!map) return null;
    return cellExists(map, this.chosenCell) ? this.chosenCell : defaultCell(map, selectedCardId);
  }

  /** Fetches the selected map (and its shown round's results) if the document changed. */
  async load(force = false): Promise<void> {
    const mapId = this.#store.selectedMapId;
    const revision = this.#store.doc?.revision ?? null;
    const key = `${this.#store.doc?.path ?? ''}\u0000${mapId}\u0000${revision}`;
    if (!mapId || (!force && key === this.#loaded)) return;
    this.#loaded = key;
    try {
      const map = await ipc.mapData(mapId);
      if (this.#loaded !== key) return;
      this.map = map;
      // A participant who went away (deleted, undone) is no longer the one chosen.
      if (this.voterId !== 'paper' && this.voterId !== null && !this.participant && this.#plan.roster) this.voterId = null;
      const round = this.round;
      const results = round ? await ipc.voteResults(map.id, round.id) : null;
      if (this.#loaded === key) this.results = results;
    } catch (error) {
      if (this.#loaded === key) this.#loaded = null;
      this.notice = { tone: 'error', text: ipc.toAppError(error).message };
    }
  }

  /** Sends one edit (one undo step); a refusal is the notice. Answers whether it applied. */
  async send(edit: Edit | null): Promise<boolean> {
    if (!edit) return false;
    const error = await this.#store.tryEdit(edit);
    if (error) {
      this.notice = { tone: 'error', text: sentence(error.message) };
      return false;
    }
    this.notice = null;
    // The edit is in the file; a roster that fails to come back is the plan views' to
    // report (App shows it), not a refusal of this edit.
    await Promise.all([this.#plan.refresh().catch(() => {}), this.load()]);
    return true;
  }

  // ---- Participants ------------------------------------------------------------------

  async addParticipant(name: string): Promise<boolean> {
    const edit = addParticipantEdit(name, this.participants.length);
    if (!edit) {
      this.notice = { tone: 'error', text: 'Type the participant’s name first' };
      return false;
    }
    const ok = await this.send(edit);
    // The one just added writes next.
    if (ok && edit.type === 'AddParticipant') this.voterId = edit.participant.id;
    return ok;
  }

  renameParticipant(p: Participant, name: string): Promise<boolean> {
    return this.send(renameParticipantEdit(p, name));
  }

  removeParticipant(p: Participant): Promise<boolean> {
    if (this.voterId === p.id) this.voterId = null;
    return this.send(removeParticipantEdit(p.id));
  }

  // ---- Capture -----------------------------------------------------------------------

  /**
   * Adds the note typed to the cell, written by the participant chosen; answers the new
   * card's id (null when nothing was added: empty text, or refused).
   */
  capture(text: string, cell: Cell): Promise<string | null> {
    const authorId = this.participant?.id ?? null;
    const next = this.#queue.then(async () => {
      const map = this.map;
      const edit = map ? captureEdit(map, cell, text, authorId) : null;
      if (edit?.type !== 'AddCard') return null;
      return (await this.send(edit)) ? edit.card.id : null;
    });
    this.#queue = next.catch(() => {});
    return next;
  }

  // ---- Voting ------------------------------------------------------------------------

  async startRound(form: RoundForm): Promise<boolean> {
    const map = this.map;
    const edit = map ? startRoundEdit(map, form) : null;
    if (!edit || edit.type !== 'StartVoteRound') return false;
    const ok = await this.send(edit);
    if (ok) {
      this.roundId = edit.round.id;
      await this.load(true);
    }
    return ok;
  }

  /** The dots the chosen voter has on a card in the shown round. */
  countOn(cardId: string): number {
    const round = this.round;
    const voter = this.voter;
    if (!round || !voter) return 0;
    return countOf(round, voter.kind === 'paper' ? null : voter.participant.id, cardId);
  }

  /** Sets the chosen voter's dots on a card, after the round's rules (refused: the notice says why). */
  async setVotes(cardId: string, count: number): Promise<boolean> {
    const map = this.map;
    const round = this.round;
    const voter = this.voter;
    const card = map?.cards.find((c) => c.id === cardId);
    if (!map || !round || !card) return false;
    if (!voter) {
      this.notice = { tone: 'error', text: 'Choose whose votes these are first (a participant, or Paper)' };
      return false;
    }
    const problem = voteProblem(round, voter, card, Math.max(0, count));
    if (problem) {
      this.notice = { tone: 'error', text: sentence(problem) };
      return false;
    }
    return this.send(voteEdit(map.id, round, voter, cardId, Math.max(0, count)));
  }

  /** One dot more (or, with -1, fewer) from the chosen voter on a card. */
  vote(cardId: string, delta: 1 | -1): Promise<boolean> {
    return this.setVotes(cardId, this.countOn(cardId) + delta);
  }

  #roundEdit(type: 'EndVoteRound' | 'ReopenVoteRound' | 'ClearVoteRound'): Edit | null {
    const round = this.round;
    return this.map && round ? { type, mapId: this.map.id, roundId: round.id } : null;
  }

  /** Only here, in the operator's window, does a round end. */
  endRound = (): Promise<boolean> => this.send(this.#roundEdit('EndVoteRound'));
  reopenRound = (): Promise<boolean> => this.send(this.#roundEdit('ReopenVoteRound'));
  clearRound = (): Promise<boolean> => this.send(this.#roundEdit('ClearVoteRound'));

  async tagWinners(top: number, tag: string): Promise<boolean> {
    const round = this.round;
    if (!this.map || !round) return false;
    const t = tag.trim();
    if (t === '' || !Number.isInteger(top) || top < 1) {
      this.notice = { tone: 'error', text: 'Give the tag a name and tag at least the first card' };
      return false;
    }
    const ok = await this.send({ type: 'TagWinners', mapId: this.map.id, roundId: round.id, top, tag: t });
    if (ok) this.notice = { tone: 'info', text: `Tagged the top ${top} “${t}”` };
    return ok;
  }

  /** The Save dialog, then the round's results as CSV. */
  async exportCsv(): Promise<void> {
    const round = this.round;
    if (!round) return;
    try {
      const path = await ipc.chooseExportPath('csv', csvName(round.question));
      if (!path) return;
      await ipc.exportVoteResultsCsv(round.id, path);
      this.notice = { tone: 'info', text: `Results saved to ${path}` };
    } catch (error) {
      this.notice = { tone: 'error', text: ipc.toAppError(error).message };
    }
  }
}
