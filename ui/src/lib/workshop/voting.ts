// Dot voting as the UI applies it: the same rules the model enforces (an open round, an
// eligible card, the per-card cap, each participant's budget), answered before a vote is
// sent so the facilitator sees why at once, with the model's wording; the model checks
// them again and its refusal is shown the same way. Also the edits of a round, and the
// dots each card shows on the map (colours only when the round is named).

import type { Card, Edit, Eligibility, Map as JourneyMap, Participant, VoteRound } from '../generated/types';
import { newId } from './participants';

/** The most dots a round may give each participant (the model's `MAX_DOTS`). */
export const MAX_DOTS = 1000;
/** The most paper dots one card may get (the model's `MAX_PAPER_DOTS`). */
export const MAX_PAPER_DOTS = 100_000;

/** Who a vote is for: a participant, or the paper dots the facilitator counted. */
export type Voter = { kind: 'participant'; participant: Participant } | { kind: 'paper' };

export function isEligible(round: VoteRound, card: Pick<Card, 'id' | 'laneId'>): boolean {
  const e = round.eligible;
  return e.by === 'lanes' ? e.laneIds.includes(card.laneId) : e.cardIds.includes(card.id);
}

/** The dots a participant (or, for null, the paper) put on a card; 0 if none. */
export function countOf(round: VoteRound, participantId: string | null, cardId: string): number {
  return round.votes.find((v) => v.participantId === participantId && v.cardId === cardId)?.count ?? 0;
}

export const usedBy = (round: VoteRound, participantId: string): number =>
  round.votes.filter((v) => v.participantId === participantId).reduce((n, v) => n + v.count, 0);

export const remaining = (round: VoteRound, participantId: string): number =>
  Math.max(0, round.votesPerParticipant - usedBy(round, participantId));

const dots = (n: number) => (n === 1 ? '1 dot' : `${n} dots`);

/**
 * Why `voter` may not have `count` dots on `card` in the round, in the model's words
 * (model/src/edit/workshop.rs); null when the vote may be cast.
 */
export function voteProblem(round: VoteRound, voter: Voter, card: Card, count: number): string | null {
  if (round.state === 'ended') return `the round "${round.question}" has ended; its votes no longer change`;
  if (!isEligible(round, card)) return `the card "${card.title}" is not one of the cards of the round "${round.question}"`;
  if (count < 0) return null;
  if (voter.kind === 'paper') return count > MAX_PAPER_DOTS ? `${count} paper dots; at most ${MAX_PAPER_DOTS}` : null;
  const who = voter.participant;
  if (count > round.maxPerCard) {
    return `${who.name} may put at most ${dots(round.maxPerCard)} on one card in this round, not ${count}`;
  }
  const old = countOf(round, who.id, card.id);
  if (usedBy(round, who.id) - old + count > round.votesPerParticipant) {
    return `${who.name} has ${remaining(round, who.id) + old} of ${dots(round.votesPerParticipant)} left in this round, so cannot put ${count} on this card`;
  }
  return null;
}

/** The edit that gives `voter` `count` dots on the card (0 takes them off). */
export function voteEdit(mapId: string, round: VoteRound, voter: Voter, cardId: string, count: number): Edit {
  return voter.kind === 'paper'
    ? { type: 'SetPaperDots', mapId, roundId: round.id, cardId, count }
    : { type: 'CastVotes', mapId, roundId: round.id, participantId: voter.participant.id, cardId, count };
}

/** What the New round form holds. */
export interface RoundForm {
  question: string;
  votesPerParticipant: number;
  maxPerCard: number;
  /** Eligible by these lanes, or by the cards selected on the map. */
  by: 'lanes' | 'cards';
  laneIds: string[];
  cardIds: string[];
  anonymous: boolean;
}

/** What is wrong with the form (the first problem), or null when the round may start. */
export function roundFormProblem(f: RoundForm): string | null {
  if (f.question.trim() === '') return 'Ask the room a question';
  for (const [name, n] of [['Dots per participant', f.votesPerParticipant], ['Most dots on one card', f.maxPerCard]] as const) {
    if (!Number.isInteger(n) || n < 1 || n > MAX_DOTS) return `${name}: a whole number from 1 to ${MAX_DOTS}`;
  }
  if (f.maxPerCard > f.votesPerParticipant) return 'Most dots on one card: no more than the dots each participant has';
  if (f.by === 'lanes' && f.laneIds.length === 0) return 'Choose the lanes whose cards get votes';
  if (f.by === 'cards' && f.cardIds.length === 0) return 'Select the cards to vote on (on the map), then start';
  return null;
}

/** StartVoteRound for an open round without votes (after the map's other rounds); null if the form is not right. */
export function startRoundEdit(map: JourneyMap, f: RoundForm, id: string = newId()): Edit | null {
  if (roundFormProblem(f)) return null;
  const eligible: Eligibility =
    f.by === 'lanes' ? { by: 'lanes', laneIds: [...f.laneIds] } : { by: 'cards', cardIds: [...f.cardIds] };
  const round: VoteRound = {
    id,
    question: f.question.trim(),
    votesPerParticipant: f.votesPerParticipant,
    maxPerCard: f.maxPerCard,
    eligible,
    anonymous: f.anonymous,
    state: 'open',
    votes: [],
  };
  return { type: 'StartVoteRound', mapId: map.id, round, index: map.voteRounds.length };
}

/** One dot as the map draws it: the participant's colour, or none (anonymous, or paper). */
export interface Dot {
  color: string | null;
  /** Who gave it, for the tooltip; null when anonymous. */
  who: string | null;
}

/** What a card shows on the map in a round: its total and its dots. */
export interface CardDots {
  total: number;
  dots: Dot[];
}

/**
 * Each card's dots in the round: a named round shows every participant's dots in their
 * colour (paper dots without one), an anonymous round only how many — never who.
 */
export function cardDots(round: VoteRound, participants: readonly Participant[]): Map<string, CardDots> {
  const out = new Map<string, CardDots>();
  const byId = new Map(participants.map((p) => [p.id, p]));
  for (const v of round.votes) {
    const entry = out.get(v.cardId) ?? { total: 0, dots: [] };
    entry.total += v.count;
    const p = v.participantId ? byId.get(v.participantId) : undefined;
    const dot: Dot = round.anonymous || !p ? { color: null, who: null } : { color: p.color, who: p.name };
    for (let i = 0; i < v.count; i++) entry.dots.push(dot);
    out.set(v.cardId, entry);
  }
  // Paper first in the file's order; in a named round, sort by colour so each person's dots sit together.
  for (const entry of out.values()) entry.dots.sort((a, b) => (a.color ?? '~').localeCompare(b.color ?? '~'));
  return out;
}

/** The round a map shows: the one chosen if it is still there, else its latest. */
export function shownRound(map: JourneyMap | null, chosenId: string | null): VoteRound | null {
  if (!map || map.voteRounds.length === 0) return null;
  return map.voteRounds.find((r) => r.id === chosenId) ?? map.voteRounds[map.voteRounds.length - 1]!;
}

/** "3 dots each · at most 2 on a card · named": a round's rules in one line. */
export function roundRules(round: VoteRound): string {
  return `${dots(round.votesPerParticipant)} each · at most ${round.maxPerCard} on a card · ${round.anonymous ? 'anonymous' : 'named'}`;
}

/** A file name for the round's CSV: the question, made safe, or "vote-results". */
export function csvName(question: string): string {
  const base = question
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 60);
  return `${base || 'vote-results'}.csv`;
}
