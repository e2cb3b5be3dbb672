// Moving through the gallery's grid of cards with the keyboard: the arrows go to the
// neighbouring card (up and down by a row), Home and End to the first and last. Pure, so
// it is tested without a layout (the grid's columns are fixed, see TemplateGallery.svelte).

/** The index an arrow, Home or End key moves to from `index`, or null for other keys. */
export function gridMove(index: number, key: string, count: number, columns: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowLeft':
      return Math.max(0, index - 1);
    case 'ArrowRight':
      return Math.min(last, index + 1);
    case 'ArrowUp':
      return index - columns >= 0 ? index - columns : index;
    case 'ArrowDown':
      // From a full row to a shorter last one: the last card, rather than nowhere.
      return index + columns <= last ? index + columns : Math.floor(index / columns) < Math.floor(last / columns) ? last : index;
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/** "5 stages · 6 lanes · 30 cards", as a card of the gallery counts its template. */
export function countsLabel(stages: number, lanes: number, cards: number): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [n(stages, 'stage', 'stages'), n(lanes, 'lane', 'lanes'), cards === 0 ? 'no cards' : n(cards, 'card', 'cards')].join(' · ');
}
