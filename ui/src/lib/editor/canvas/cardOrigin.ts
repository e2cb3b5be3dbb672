// A card is drawn in its own coordinates: its group is translated to the card's place and
// everything inside sits relative to the card's top-left corner. A card that only moves
// (a drop shifts the cards below it down its cell) then changes one transform, and WebKit
// neither lays out nor shapes its text again (docs/BENCHMARKS.md).

import type { SceneCard, TextLine } from '../../generated/types';

const shift = (lines: TextLine[], dx: number, dy: number): TextLine[] =>
  lines.map((l) => ({ ...l, x: l.x - dx, y: l.y - dy }));

/** The card with its top-left corner at (0, 0) and its contents moved with it. */
export function atOrigin(card: SceneCard): SceneCard {
  const { x, y } = card;
  return {
    ...card,
    x: 0,
    y: 0,
    title: shift(card.title, x, y),
    body: shift(card.body, x, y),
    channel: card.channel ? { ...card.channel, x: card.channel.x - x, y: card.channel.y - y } : null,
  };
}
