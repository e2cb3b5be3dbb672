// Dot voting as the UI applies it: the rules answered before a vote is sent (in the
// model's words), the edits, and what the map shows of a round — never who voted for what
// when it is anonymous.
import { describe, expect, it } from 'vitest';
import type { Participant, VoteRound } from '../generated/types';
import { mapData } from '../../test/mapData';
import {
  cardDots,
  csvName,
  isEligible,
  remaining,
  roundFormProblem,
  shownRound,
  startRoundEdit,
  voteEdit,
  voteProblem,
  type RoundForm,
  type Voter,
} from './voting';

const ada: Participant = { id: 'p-ada', name: 'Ada Lovelace', initials: 'AL', color: '#1d4ed8' };
const bo: Participant = { id: 'p-bo', name: 'Bo Kim', initials: 'BK', color: '#b91c1c' };
const as = (p: Participant): Voter => ({ kind: 'participant', participant: p });
const map = mapData();
const card = (id: string) => map.cards.find((c) => c.id === id)!;

function round(extra: Partial<VoteRound> = {}): VoteRound {
  return {
    id: 'r1',
    question: 'Which moment matters most?',
    votesPerParticipant: 3,
    maxPerCard: 2,
    eligible: { by: 'lanes', laneIds: ['lane-touch'] },
    anonymous: false,
    state: 'open',
    votes: [],
    ...extra,
  };
}

describe('the rules of a round, before a vote is sent', () => {
  it('keeps each participant within the per-card cap', () => {
    const r = round({ votes: [{ participantId: 'p-ada', cardId: 'card-a', count: 2 }] });
    expect(voteProblem(r, as(ada), card('card-a'), 2)).toBeNull();
    expect(voteProblem(r, as(ada), card('card-a'), 3)).toBe(
      'Ada Lovelace may put at most 2 dots on one card in this round, not 3',
    );
    // The cap is each participant's: Bo may still put 2 on the same card.
    expect(voteProblem(r, as(bo), card('card-a'), 2)).toBeNull();
  });

  it('keeps each participant within their budget, counting their dots on every card', () => {
    const r = round({
      votes: [
        { participantId: 'p-ada', cardId: 'card-a', count: 2 },
        { participantId: 'p-ada', cardId: 'card-b', count: 1 },
      ],
    });
    expect(remaining(r, 'p-ada')).toBe(0);
    expect(remaining(r, 'p-bo')).toBe(3);
    expect(voteProblem(r, as(ada), card('card-x'), 1)).toBe(
      'Ada Lovelace has 0 of 3 dots left in this round, so cannot put 1 on this card',
    );
    // Moving a dot is fine: taking one off a card frees it.
    expect(voteProblem(r, as(ada), card('card-a'), 1)).toBeNull();
    expect(voteProblem(r, as(ada), card('card-b'), 0)).toBeNull();
  });

  it('takes votes only on the round’s cards, by lane or by selection', () => {
    const byLane = round({ eligible: { by: 'lanes', laneIds: ['lane-notes'] } });
    expect(isEligible(byLane, card('card-a'))).toBe(false);
    expect(voteProblem(byLane, as(ada), card('card-a'), 1)).toBe(
      'the card "Sees a friend’s post" is not one of the cards of the round "Which moment matters most?"',
    );
    const bySelection = round({ eligible: { by: 'cards', cardIds: ['card-b'] } });
    expect(isEligible(bySelection, card('card-b'))).toBe(true);
    expect(isEligible(bySelection, card('card-x'))).toBe(false);
    expect(voteProblem(bySelection, as(bo), card('card-b'), 1)).toBeNull();
  });

  it('takes no votes once the facilitator ended the round, paper dots included', () => {
    const r = round({ state: 'ended' });
    const problem = 'the round "Which moment matters most?" has ended; its votes no longer change';
    expect(voteProblem(r, as(ada), card('card-a'), 1)).toBe(problem);
    expect(voteProblem(r, { kind: 'paper' }, card('card-a'), 4)).toBe(problem);
  });

  it('counts paper dots without a budget or cap', () => {
    const r = round();
    expect(voteProblem(r, { kind: 'paper' }, card('card-a'), 40)).toBeNull();
    expect(voteEdit('map-1', r, { kind: 'paper' }, 'card-a', 40)).toEqual({
      type: 'SetPaperDots', mapId: 'map-1', roundId: 'r1', cardId: 'card-a', count: 40,
    });
    expect(voteEdit('map-1', r, as(bo), 'card-a', 1)).toEqual({
      type: 'CastVotes', mapId: 'map-1', roundId: 'r1', participantId: 'p-bo', cardId: 'card-a', count: 1,
    });
  });
});

describe('what the map shows of a round', () => {
  const votes = [
    { participantId: null, cardId: 'card-a', count: 2 },
    { participantId: 'p-ada', cardId: 'card-a', count: 1 },
    { participantId: 'p-bo', cardId: 'card-a', count: 2 },
  ];

  it('a named round: each participant’s dots in their colour, the paper’s without one', () => {
    const dots = cardDots(round({ votes }), [ada, bo]).get('card-a')!;
    expect(dots.total).toBe(5);
    expect(dots.dots.map((d) => d.color)).toEqual(['#1d4ed8', '#b91c1c', '#b91c1c', null, null]);
    expect(dots.dots.map((d) => d.who)).toContain('Bo Kim');
  });

  it('an anonymous round: how many, never who', () => {
    const dots = cardDots(round({ votes, anonymous: true }), [ada, bo]).get('card-a')!;
    expect(dots.total).toBe(5);
    expect(dots.dots.every((d) => d.color === null && d.who === null)).toBe(true);
  });
});

describe('a new round', () => {
  const form = (extra: Partial<RoundForm> = {}): RoundForm => ({
    question: '  Which pain hurts most? ',
    votesPerParticipant: 3,
    maxPerCard: 1,
    by: 'lanes',
    laneIds: ['lane-touch'],
    cardIds: [],
    anonymous: true,
    ...extra,
  });

  it('says what is missing or wrong', () => {
    expect(roundFormProblem(form())).toBeNull();
    expect(roundFormProblem(form({ question: ' ' }))).toBe('Ask the room a question');
    expect(roundFormProblem(form({ votesPerParticipant: 0 }))).toContain('Dots per participant');
    expect(roundFormProblem(form({ maxPerCard: 4 }))).toContain('no more than the dots each participant has');
    expect(roundFormProblem(form({ laneIds: [] }))).toBe('Choose the lanes whose cards get votes');
    expect(roundFormProblem(form({ by: 'cards' }))).toContain('Select the cards');
  });

  it('starts open and empty, after the map’s other rounds', () => {
    const edit = startRoundEdit({ ...map, voteRounds: [round()] }, form({ by: 'cards', cardIds: ['card-b'] }), 'r2');
    expect(edit).toEqual({
      type: 'StartVoteRound',
      mapId: 'map-1',
      index: 1,
      round: {
        id: 'r2', question: 'Which pain hurts most?', votesPerParticipant: 3, maxPerCard: 1,
        eligible: { by: 'cards', cardIds: ['card-b'] }, anonymous: true, state: 'open', votes: [],
      },
    });
    expect(startRoundEdit(map, form({ question: '' }))).toBeNull();
  });

  it('shows the round chosen, else the latest', () => {
    const m = { ...map, voteRounds: [round(), round({ id: 'r2' })] };
    expect(shownRound(m, null)?.id).toBe('r2');
    expect(shownRound(m, 'r1')?.id).toBe('r1');
    expect(shownRound(m, 'gone')?.id).toBe('r2');
    expect(shownRound(map, null)).toBeNull();
  });

  it('names the CSV after the question, safely', () => {
    expect(csvName('Which pain hurts most?')).toBe('which-pain-hurts-most.csv');
    expect(csvName('../../etc/passwd')).toBe('etcpasswd.csv');
    expect(csvName('???')).toBe('vote-results.csv');
  });
});
