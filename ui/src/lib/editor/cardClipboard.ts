// Copy, cut and paste of cards on the map. The keys arrive as the browser's clipboard
// events (the canvas hands them here); the app's menu and the tests call `copySelection`
// and `pasteText`. A copy writes the cards as plain text and as JSON; a paste of JSON adds
// the cards to the focused cell, as one edit.

import type { Card, Edit, Map as JourneyMap, Scene } from '../generated/types';
import * as ipc from '../document/ipc';
import type { Selection } from './selection.svelte';
import { addedCardIds, deleteCardsEdit, pasteCardsEdit, pickCards } from './edits/cardEdits';
import { cardsToJson, cardsToText, parseClipboard, readClipboardEvent, writeClipboardEvent } from './clipboard';
import { cellCards, sameCell, type CellInfo } from './hit';

/** What the clipboard needs from the canvas. */
export interface ClipboardHost {
  scene(): Scene;
  selection: Selection;
  /**
   * The full data of the shown map when it is at hand: the editor state fetches it for
   * the inspector while cards are selected, so that a copy can write the clipboard at
   * once (a copy event's clipboard cannot be written later).
   */
  storedMap(): JourneyMap | null;
  loadMap(): Promise<JourneyMap>;
  send(edit: Edit | null): Promise<void>;
  fail(error: unknown): void;
  onerror(message: string): void;
  /** The cell a paste goes to: the focused card's, else the focused cell. */
  activeCell(): CellInfo | null;
  /** A card or quick-add editor is open (its text field has the clipboard). */
  typing(): boolean;
  /** The event happened on the map (or nowhere in particular). */
  onMap(target: EventTarget | null): boolean;
}

export class CardClipboard {
  /** The last cards copied here, for a paste when the system clipboard drops our JSON type. */
  #lastCopy: { text: string; json: string } | null = null;

  constructor(private readonly host: ClipboardHost) {}

  oncopy = (event: ClipboardEvent): void => {
    if (!this.#canCopy(event)) return;
    event.preventDefault();
    void this.#copy(event.clipboardData, false);
  };

  oncut = (event: ClipboardEvent): void => {
    if (!this.#canCopy(event)) return;
    event.preventDefault();
    void this.#copy(event.clipboardData, true);
  };

  onpaste = (event: ClipboardEvent): void => {
    const host = this.host;
    if (host.typing() || !host.onMap(event.target)) return;
    const cell = host.activeCell();
    if (!cell) return;
    event.preventDefault();
    let raw = readClipboardEvent(event.clipboardData);
    const last = this.#lastCopy;
    if (last && (raw === last.text || raw === '')) raw = last.json;
    void this.#pasteInto(cell, raw);
  };

  /** Copy as an app action (menus, tests). */
  copySelection(): Promise<void> {
    return this.#copy(null, false);
  }

  /** Paste as an app action (menus, tests). */
  pasteText(raw: string): Promise<void> {
    const cell = this.host.activeCell();
    if (!cell) return Promise.resolve();
    return this.#pasteInto(cell, raw);
  }

  #canCopy(event: ClipboardEvent): boolean {
    return !this.host.typing() && this.host.selection.size > 0 && this.host.onMap(event.target);
  }

  async #selectedCards(): Promise<Card[]> {
    const cached = this.host.storedMap();
    return pickCards(cached ?? (await this.host.loadMap()), this.host.selection.cards);
  }

  /**
   * Writes both forms to the event's clipboard when the map's data is at hand; otherwise
   * fetches it and writes the plain text through the async clipboard API (the JSON stays
   * here for a paste into this window).
   */
  #copy(data: DataTransfer | null, cut: boolean): Promise<void> {
    const { host } = this;
    const { send } = host;
    const scene = host.scene();
    const cached = host.storedMap();
    const finish = async (cards: Card[], written: boolean) => {
      if (cards.length === 0) return;
      const lastCopy = (this.#lastCopy = { text: cardsToText(cards), json: cardsToJson(cards) });
      if (!written) await navigator.clipboard?.writeText(lastCopy.text).catch(() => {});
      if (cut) await send(deleteCardsEdit(scene.mapId, cards.map((c) => c.id)));
    };
    if (cached && data) {
      const cards = pickCards(cached, host.selection.cards);
      writeClipboardEvent(data, cards);
      return finish(cards, true);
    }
    return this.#selectedCards().then(
      (cards) => finish(cards, false),
      (error: unknown) => host.fail(error),
    );
  }

  async #pasteInto(cell: CellInfo, raw: string): Promise<void> {
    const { host } = this;
    const { send, selection } = host;
    const parsed = parseClipboard(raw);
    if (!parsed.ok) {
      host.onerror(parsed.message);
      return;
    }
    try {
      // Links to channels or personas this document lacks (a paste from another
      // document) are dropped; without the roster they are kept and checked by the backend.
      const known = await ipc.roster().then(
        (roster: { channels: { id: string }[]; personas: { id: string }[] }) => ({
          channelIds: new Set<string>(roster.channels.map((c: { id: string }) => c.id)),
          personaIds: new Set<string>(roster.personas.map((p: { id: string }) => p.id)),
        }),
        () => null,
      );
      const scene = host.scene();
      const byId = new Map(scene.cards.map((c) => [c.id, c] as const));
      const primary = selection.primary ? byId.get(selection.primary) : undefined;
      const index = primary && sameCell(primary, cell) ? primary.index + 1 : cellCards(scene, cell).length;
      const edit = pasteCardsEdit(scene.mapId, parsed.cards, { ...cell, index }, known);
      await send(edit);
      // The cards the new Scene shows are selected.
      const shown = new Set(host.scene().cards.map((c) => c.id));
      const ids = addedCardIds(edit).filter((id) => shown.has(id));
      if (ids.length > 0) selection.set(ids, ids[0]);
    } catch (error) {
      host.fail(error);
    }
  }
}
