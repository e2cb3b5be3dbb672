// Copying cards: the clipboard gets a JSON form (for pasting back into Waymark) and a
// plain-text form ("title — body", one card per line) for everything else.

import type { Card, CardFlags } from '../generated/types';
import { emptyCardPlan } from './edits/inspectorEdits';

export const CLIPBOARD_TYPE = 'application/x-waymark+json';
const MAX_PASTE = 500;

export interface ClipboardCards {
  waymark: 'cards';
  version: 1;
  cards: Card[];
}

export function cardsToJson(cards: readonly Card[]): string {
  const payload: ClipboardCards = { waymark: 'cards', version: 1, cards: [...cards] };
  return JSON.stringify(payload);
}

/** One line per card: "title — body" (the body's line breaks become spaces). */
export function cardsToText(cards: readonly Card[]): string {
  return cards
    .map((c) => {
      const body = c.body.replace(/\s+/g, ' ').trim();
      return body ? `${c.title} — ${body}` : c.title;
    })
    .join('\n');
}

export type ParseResult = { ok: true; cards: Card[] } | { ok: false; message: string };

const isString = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readFlags(v: unknown): CardFlags | null {
  if (v === undefined) return { passionPoint: false, shareableMoment: false, pointOfVulnerability: false };
  if (!isObject(v)) return null;
  const f = { passionPoint: v.passionPoint ?? false, shareableMoment: v.shareableMoment ?? false, pointOfVulnerability: v.pointOfVulnerability ?? false };
  if (typeof f.passionPoint !== 'boolean' || typeof f.shareableMoment !== 'boolean' || typeof f.pointOfVulnerability !== 'boolean') return null;
  return f as CardFlags;
}

/** A card from untrusted JSON, or null when its shape is wrong. Cell and kind are set on paste. */
function readCard(v: unknown): Card | null {
  if (!isObject(v)) return null;
  const { title, body = '', color = null, channelId = null, personaIds = [] } = v;
  if (!isString(title) || !isString(body)) return null;
  if (color !== null && !isString(color)) return null;
  if (channelId !== null && !isString(channelId)) return null;
  if (!Array.isArray(personaIds) || !personaIds.every(isString)) return null;
  const flags = readFlags(v.flags);
  if (!flags) return null;
  return {
    id: isString(v.id) ? v.id : '',
    stageId: isString(v.stageId) ? v.stageId : '',
    laneId: isString(v.laneId) ? v.laneId : '',
    kind: 'notes',
    title,
    body,
    color,
    channelId,
    personaIds: [...new Set(personaIds)],
    flags,
    // KPIs, notes and the ladder rung are not carried over the clipboard (untrusted text),
    // nor the workshop's author (a participant of the document it came from) and tags.
    plan: emptyCardPlan(),
    author: null,
    tags: [],
  };
}

const NOT_CARDS = 'The clipboard holds no Waymark cards to paste.';

/** Reads the JSON form back, checking every field (clipboard text is untrusted). */
export function parseClipboard(text: string | null | undefined): ParseResult {
  if (!text || text.trim() === '') return { ok: false, message: NOT_CARDS };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: NOT_CARDS };
  }
  if (!isObject(data) || data.waymark !== 'cards') return { ok: false, message: NOT_CARDS };
  if (data.version !== 1) return { ok: false, message: 'These cards come from a newer Waymark and cannot be pasted.' };
  if (!Array.isArray(data.cards) || data.cards.length === 0) return { ok: false, message: NOT_CARDS };
  if (data.cards.length > MAX_PASTE) return { ok: false, message: `At most ${MAX_PASTE} cards can be pasted at once.` };
  const cards: Card[] = [];
  for (const raw of data.cards) {
    const card = readCard(raw);
    if (!card) return { ok: false, message: 'The copied cards are damaged and cannot be pasted.' };
    cards.push(card);
  }
  return { ok: true, cards };
}

/** Puts both forms on a copy/cut event's clipboard. */
export function writeClipboardEvent(data: DataTransfer, cards: readonly Card[]): void {
  const json = cardsToJson(cards);
  data.setData(CLIPBOARD_TYPE, json);
  data.setData('text/plain', cardsToText(cards));
}

/** The JSON form from a paste event: our own type, or JSON pasted as plain text. */
export function readClipboardEvent(data: DataTransfer | null): string {
  if (!data) return '';
  return data.getData(CLIPBOARD_TYPE) || data.getData('text/plain');
}
