// Which cards are selected on the canvas, and which one has the focus (the primary card:
// keyboard focus, the inspector's subject). Shared by the canvas and the inspector.

export class Selection {
  /** Selected card ids. Replaced (never mutated), so readers can compare sets. */
  cards = $state<ReadonlySet<string>>(new Set());
  /** The focused card (keyboard focus, inspector); always one of `cards` when set. */
  primary = $state<string | null>(null);

  get size(): number {
    return this.cards.size;
  }

  has(id: string): boolean {
    return this.cards.has(id);
  }

  /** Selects exactly `ids`. The primary is `primary` if given and selected, else the first id. */
  set(ids: Iterable<string>, primary?: string | null): void {
    const next = new Set(ids);
    this.cards = next;
    if (primary !== undefined && primary !== null && next.has(primary)) this.primary = primary;
    else if (primary === null || next.size === 0) this.primary = null;
    else this.primary = next.values().next().value ?? null;
  }

  /** Ctrl/Cmd-click: adds the card (making it primary) or removes it. */
  toggle(id: string): void {
    const next = new Set(this.cards);
    if (next.delete(id)) {
      this.cards = next;
      if (this.primary === id) this.primary = lastOf(next);
    } else {
      next.add(id);
      this.cards = next;
      this.primary = id;
    }
  }

  /** Shift-click: adds the card to the selection and makes it primary. */
  extend(id: string): void {
    if (!this.cards.has(id)) this.cards = new Set([...this.cards, id]);
    this.primary = id;
  }

  clear(): void {
    if (this.cards.size > 0) this.cards = new Set();
    this.primary = null;
  }

  /** Drops ids that are no longer in the scene (after a delete, an undo, another map). */
  prune(existing: ReadonlySet<string>): void {
    let changed = false;
    const next = new Set<string>();
    for (const id of this.cards) {
      if (existing.has(id)) next.add(id);
      else changed = true;
    }
    if (changed) this.cards = next;
    if (this.primary !== null && !next.has(this.primary)) this.primary = lastOf(next);
  }
}

function lastOf(set: ReadonlySet<string>): string | null {
  let last: string | null = null;
  for (const id of set) last = id;
  return last;
}
