// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit by hand:
// run `UPDATE_BINDINGS=1 cargo test --test tests bindings` after changing a type.

export type Document = { maps: Array<Map>, channels: Array<Channel>, personas: Array<Persona>, 
/**
 * The engagement ladder's rungs, lowest first.
 */
ladder: Array<Rung>, 
/**
 * The people in the room of the document's workshop sessions.
 */
participants: Array<Participant>, };

export type Map = { id: string, name: string, description: string, 
/**
 * Whose journey this is; the emotion lane draws one line per persona.
 */
personaIds: Array<string>, stages: Array<Stage>, lanes: Array<Lane>, 
/**
 * In canonical order: by stage, then lane, then position within the cell.
 */
cards: Array<Card>, connectors: Array<Connector>, 
/**
 * In canonical order: by persona id, then stage.
 */
emotionPoints: Array<EmotionPoint>, 
/**
 * The map's dot-voting rounds, oldest first.
 */
voteRounds: Array<VoteRound>, };

export type MapProps = { name: string, description: string, personaIds: Array<string>, };

export type MapSummary = { id: string, name: string, stageCount: number, laneCount: number, cardCount: number, connectorCount: number, };

export type Stage = { id: string, name: string, 
/**
 * `#rrggbb`, or `None` for the theme's stage colour.
 */
color: string | null, 
/**
 * Column width in layout units (pixels at 100 %).
 */
width: number, 
/**
 * The engagement-ladder rung a customer reaches in this stage.
 */
rungId: string | null, 
/**
 * What the facilitator says while presenting this stage (shown to them only).
 */
speakerNotes: string, };

export type StageProps = { name: string, color: string | null, width: number, rungId: string | null, speakerNotes: string, };

export type LaneKind = "touchpoints" | "actions" | "thoughts" | "emotions" | "pain_points" | "opportunities" | "passion_points" | "channels" | "kpis" | "backstage" | "notes" | "custom" | "ladder";

export type Lane = { id: string, name: string, kind: LaneKind, color: string | null, collapsed: boolean, hidden: boolean, 
/**
 * Left out while presenting "for outsiders" (backstage, KPIs, risks); still shown
 * while editing and in exports.
 */
hiddenForOutsiders: boolean, };

export type LaneProps = { name: string, kind: LaneKind, color: string | null, collapsed: boolean, hidden: boolean, hiddenForOutsiders: boolean, };

export type CardFlags = { 
/**
 * A micro-moment where the customer is most engaged and must be served or lost.
 */
passionPoint: boolean, 
/**
 * An experience customers will share, good or bad.
 */
shareableMoment: boolean, 
/**
 * A critical moment where the customer may lapse or churn.
 */
pointOfVulnerability: boolean, };

export type Card = { id: string, stageId: string, laneId: string, 
/**
 * Always the kind of the lane the card sits in.
 */
kind: LaneKind, title: string, body: string, color: string | null, 
/**
 * The channel that delivers this touchpoint.
 */
channelId: string | null, personaIds: Array<string>, flags: CardFlags, 
/**
 * KPIs and notes of a passion point, a vulnerability's details, the ladder rung.
 */
plan: CardPlan, 
/**
 * The participant who wrote the card in a workshop.
 */
author: string | null, 
/**
 * Short labels, in order ("Top 3: Which pain hurts most?" for a round's winners).
 */
tags: Array<string>, };

export type CardProps = { title: string, body: string, color: string | null, channelId: string | null, personaIds: Array<string>, flags: CardFlags, 
/**
 * KPIs and notes of a passion point, a vulnerability's details, the ladder rung.
 */
plan: CardPlan, author: string | null, tags: Array<string>, };

export type Channel = { id: string, name: string, 
/**
 * A short glyph shown on touchpoint cards (an emoji or one or two letters).
 */
icon: string, color: string | null, 
/**
 * Kind, job description, SMART goals and monthly reviews.
 */
plan: ChannelPlan, };

export type ChannelProps = { name: string, icon: string, color: string | null, 
/**
 * Kind, job description, SMART goals and monthly reviews.
 */
plan: ChannelPlan, };

export type Persona = { id: string, name: string, segment: string, color: string | null, 
/**
 * What this persona wants from the journey.
 */
goals: string, photo: Photo | null, };

export type PersonaProps = { name: string, segment: string, color: string | null, 
/**
 * What this persona wants from the journey.
 */
goals: string, photo: Photo | null, };

export type ConnectorKind = "flow" | "loop_back" | "word_of_mouth" | "hand_off";

export type Connector = { id: string, fromCardId: string, toCardId: string, kind: ConnectorKind, label: string, };

export type ConnectorProps = { kind: ConnectorKind, label: string, };

export type EmotionPoint = { personaId: string, stageId: string, value: number, };

export type Edit = { "type": "AddMap", map: Map, index: number, } | { "type": "UpdateMap", mapId: string, props: MapPatch, } | { "type": "ReorderMap", mapId: string, index: number, } | { "type": "DeleteMap", mapId: string, } | { "type": "AddStage", mapId: string, stage: Stage, index: number, } | { "type": "UpdateStage", mapId: string, stageId: string, props: StagePatch, } | { "type": "ReorderStage", mapId: string, stageId: string, index: number, } | { "type": "DeleteStage", mapId: string, stageId: string, } | { "type": "AddLane", mapId: string, lane: Lane, index: number, } | { "type": "UpdateLane", mapId: string, laneId: string, props: LanePatch, } | { "type": "ReorderLane", mapId: string, laneId: string, index: number, } | { "type": "DeleteLane", mapId: string, laneId: string, } | { "type": "AddCard", mapId: string, card: Card, index: number, } | { "type": "UpdateCard", mapId: string, cardId: string, props: CardPatch, } | { "type": "MoveCard", mapId: string, cardId: string, stageId: string, laneId: string, index: number, } | { "type": "DeleteCard", mapId: string, cardId: string, } | { "type": "AddConnector", mapId: string, connector: Connector, index: number, } | { "type": "UpdateConnector", mapId: string, connectorId: string, props: ConnectorPatch, } | { "type": "MoveConnector", mapId: string, connectorId: string, fromCardId: string, toCardId: string, } | { "type": "ReorderConnector", mapId: string, connectorId: string, index: number, } | { "type": "DeleteConnector", mapId: string, connectorId: string, } | { "type": "AddChannel", channel: Channel, index: number, } | { "type": "UpdateChannel", channelId: string, props: ChannelPatch, } | { "type": "ReorderChannel", channelId: string, index: number, } | { "type": "DeleteChannel", channelId: string, } | { "type": "AddPersona", persona: Persona, index: number, } | { "type": "UpdatePersona", personaId: string, props: PersonaPatch, } | { "type": "ReorderPersona", personaId: string, index: number, } | { "type": "DeletePersona", personaId: string, } | { "type": "SetEmotion", mapId: string, personaId: string, stageId: string, value: number | null, } | { "type": "SetLadder", rungs: Array<Rung>, } | { "type": "AddParticipant", participant: Participant, index: number, } | { "type": "UpdateParticipant", participantId: string, props: ParticipantPatch, } | { "type": "DeleteParticipant", participantId: string, } | { "type": "StartVoteRound", mapId: string, round: VoteRound, index: number, } | { "type": "UpdateVoteRound", mapId: string, roundId: string, props: VoteRoundPatch, } | { "type": "CastVotes", mapId: string, roundId: string, participantId: string, cardId: string, count: number, } | { "type": "SetPaperDots", mapId: string, roundId: string, cardId: string, count: number, } | { "type": "EndVoteRound", mapId: string, roundId: string, } | { "type": "ReopenVoteRound", mapId: string, roundId: string, } | { "type": "ClearVoteRound", mapId: string, roundId: string, } | { "type": "SetRoundVotes", mapId: string, roundId: string, votes: Array<Vote>, } | { "type": "DeleteVoteRound", mapId: string, roundId: string, } | { "type": "TagWinners", mapId: string, roundId: string, top: number, tag: string, } | { "type": "Batch", edits: Array<Edit>, };

export type MapPatch = { name?: string, description?: string, personaIds?: Array<string>, };

export type StagePatch = { name?: string, color?: string | null, width?: number, rungId?: string | null, 
/**
 * The facilitator's notes for this stage while presenting.
 */
speakerNotes?: string, };

export type LanePatch = { name?: string, kind?: LaneKind, color?: string | null, collapsed?: boolean, hidden?: boolean, 
/**
 * Left out while presenting for outsiders.
 */
hiddenForOutsiders?: boolean, };

export type CardPatch = { title?: string, body?: string, color?: string | null, channelId?: string | null, personaIds?: Array<string>, 
/**
 * The markers, each on its own.
 */
flags?: CardFlagsPatch, 
/**
 * KPIs and notes of a passion point, a vulnerability's details, the ladder rung.
 */
plan?: CardPlanPatch, 
/**
 * The participant who wrote the card; `null` for nobody.
 */
author?: string | null, 
/**
 * The whole list of tags.
 */
tags?: Array<string>, };

export type CardFlagsPatch = { passionPoint?: boolean, shareableMoment?: boolean, pointOfVulnerability?: boolean, };

export type CardPlanPatch = { rungId?: string | null, passion?: PassionDetailsPatch, vulnerability?: VulnerabilityPatch, };

export type PassionDetailsPatch = { kpis?: Array<Kpi>, contentNeeded?: string, notes?: Array<PassionNote>, };

export type VulnerabilityPatch = { risk?: string, severity?: number, owner?: string, mitigation?: string, };

export type ConnectorPatch = { kind?: ConnectorKind, label?: string, };

export type ChannelPatch = { name?: string, icon?: string, color?: string | null, 
/**
 * Kind, job description, SMART goals and monthly reviews.
 */
plan?: ChannelPlanPatch, };

export type ChannelPlanPatch = { ownership?: Ownership, reach?: Reach, job?: JobDescriptionPatch, goals?: Array<SmartGoal>, reviews?: Array<MonthlyReview>, };

export type JobDescriptionPatch = { roleTitle?: string, purpose?: string, responsibilities?: string, owner?: string, worksWith?: Array<string>, };

export type PersonaPatch = { name?: string, segment?: string, color?: string | null, goals?: string, photo?: Photo | null, };

export type Participant = { id: string, name: string, 
/**
 * At most [`MAX_INITIALS`] characters, shown on the cards they wrote. When a
 * participant is added or renamed with empty initials, they are derived from the name
 * ([`derive_initials`]).
 */
initials: string, 
/**
 * `#rrggbb`, from [`PARTICIPANT_PALETTE`]. When a participant is added with an empty
 * colour, the palette's next colour is chosen ([`next_participant_color`]).
 */
color: string, };

export type ParticipantProps = { name: string, initials: string, color: string, };

export type ParticipantPatch = { name?: string, initials?: string, color?: string, };

export type Eligibility = { "by": "lanes", laneIds: Array<string>, } | { "by": "cards", cardIds: Array<string>, };

export type RoundState = "open" | "ended";

export type Vote = { participantId: string | null, cardId: string, 
/**
 * At least 1; a vote of 0 is no vote and is not kept.
 */
count: number, };

export type VoteRound = { id: string, 
/**
 * What the room votes on ("Which pain hurts most?").
 */
question: string, 
/**
 * Each participant's budget of dots.
 */
votesPerParticipant: number, 
/**
 * How many dots one participant may put on one card.
 */
maxPerCard: number, eligible: Eligibility, 
/**
 * Results show totals only, never who voted for what.
 */
anonymous: boolean, state: RoundState, 
/**
 * In canonical order: paper dots first, then by participant id, then card id.
 */
votes: Array<Vote>, };

export type VoteRoundProps = { question: string, votesPerParticipant: number, maxPerCard: number, eligible: Eligibility, anonymous: boolean, };

export type VoteRoundPatch = { question?: string, votesPerParticipant?: number, maxPerCard?: number, eligible?: Eligibility, anonymous?: boolean, };

export type VoteRule = "round_ended" | "round_open" | "not_eligible" | "budget" | "per_card_cap";

export type ParticipantCount = { participantId: string, count: number, };

export type CardResult = { cardId: string, 
/**
 * 1 for the most dots; cards with as many dots share a rank and the next rank skips
 * (1, 2, 2, 4).
 */
rank: number, 
/**
 * Every dot on the card: the participants' and the paper's.
 */
total: number, 
/**
 * The dots on paper, entered by the facilitator.
 */
paper: number, 
/**
 * Each participant's dots on the card, in the document's order of participants;
 * empty when the round is anonymous.
 */
byParticipant: Array<ParticipantCount>, };

export type VoteResultRow = { cardId: string, rank: number, title: string, 
/**
 * The names of the card's stage and lane.
 */
stage: string, lane: string, total: number, paper: number, 
/**
 * Empty when the round is anonymous.
 */
byParticipant: Array<ParticipantCount>, };

export type VoteResults = { mapId: string, roundId: string, question: string, state: RoundState, anonymous: boolean, votesPerParticipant: number, maxPerCard: number, rows: Array<VoteResultRow>, 
/**
 * The participants the results name, one column each: every participant of the
 * document, in order; none when the round is anonymous.
 */
participants: Array<Participant>, 
/**
 * Each participant's dots left to give (how many, never where: also when anonymous).
 */
remaining: Array<ParticipantCount>, 
/**
 * The participants' dots and the paper's, all together.
 */
dots: number, };

export type Num = number;

export type Ownership = "owned" | "earned" | "paid";

export type Reach = "online" | "offline";

export type Better = "up" | "down";

export type JobDescription = { 
/**
 * E.g. "Community host", "Front desk".
 */
roleTitle: string, purpose: string, 
/**
 * One responsibility per line.
 */
responsibilities: string, 
/**
 * The person on the team who looks after this channel.
 */
owner: string, 
/**
 * Channels it hands customers to (and works with), by id.
 */
worksWith: Array<string>, };

export type SmartGoal = { id: string, 
/**
 * Specific: what will happen, in a sentence.
 */
statement: string, 
/**
 * Measurable: the metric's name, matched by the performance CSV's `metric` column.
 */
metric: string, 
/**
 * Achievable: the number to reach each month.
 */
target: Num | null, unit: string, 
/**
 * Where the metric stands today.
 */
baseline: Num | null, better: Better, 
/**
 * Time-bound: a period or deadline ("monthly", "by 2027-03").
 */
period: string, 
/**
 * Relevant: the stage or passion-point card this goal serves.
 */
relevantTo: string | null, };

export type GoalActual = { goalId: string, value: Num, };

export type MonthlyReview = { 
/**
 * `YYYY-MM`.
 */
month: string, actuals: Array<GoalActual>, 
/**
 * How the channel supported the other channels this month.
 */
supportNote: string, };

export type ChannelPlan = { ownership: Ownership, reach: Reach, job: JobDescription, goals: Array<SmartGoal>, 
/**
 * In month order, at most one per month.
 */
reviews: Array<MonthlyReview>, };

export type Reading = { 
/**
 * `YYYY-MM` (or any label the strategist uses for a period).
 */
period: string, value: Num, };

export type Kpi = { id: string, name: string, metric: string, target: Num | null, actual: Num | null, unit: string, better: Better, history: Array<Reading>, };

export type NoteKind = "observation" | "quote" | "idea";

export type PassionNote = { id: string, kind: NoteKind, text: string, };

export type PassionDetails = { kpis: Array<Kpi>, contentNeeded: string, notes: Array<PassionNote>, };

export type Vulnerability = { risk: string, 
/**
 * 1 (low) to 3 (high).
 */
severity: number, owner: string, mitigation: string, };

export type CardPlan = { 
/**
 * The engagement-ladder rung this card belongs to.
 */
rungId: string | null, 
/**
 * Used when `flags.passionPoint` is set.
 */
passion: PassionDetails, 
/**
 * Used when `flags.pointOfVulnerability` is set.
 */
vulnerability: Vulnerability, };

export type Rung = { id: string, name: string, 
/**
 * What climbing to this rung means, e.g. "$10 first gift".
 */
commitment: string, };

export type Photo = { width: number, height: number, 
/**
 * The PNG bytes, base64 in JSON.
 */
png: string, };

export type Status = "on_track" | "at_risk" | "off_track";

export type SmartPart = "specific" | "measurable" | "achievable" | "relevant" | "time_bound";

export type GoalMonth = { month: string, actual: Num | null, status: Status | null, };

export type GoalReport = { goalId: string, 
/**
 * One entry per reviewed month of the channel, in month order.
 */
months: Array<GoalMonth>, 
/**
 * The status in the channel's latest reviewed month.
 */
latest: Status | null, 
/**
 * The SMART parts this goal still lacks.
 */
missing: Array<SmartPart>, };

export type ChannelReport = { channelId: string, goals: Array<GoalReport>, latestMonth: string | null, 
/**
 * The worst of the goals' latest statuses.
 */
status: Status | null, 
/**
 * Touchpoint cards, across all maps, delivered through this channel.
 */
cardCount: number, };

export type KpiReport = { kpiId: string, status: Status | null, 
/**
 * The KPI itself (name, figures, unit), so an overview needs nothing else.
 */
kpi: Kpi, };

export type PassionPointReport = { mapId: string, mapName: string, cardId: string, title: string, stageName: string, channelId: string | null, kpis: Array<KpiReport>, 
/**
 * The worst KPI status.
 */
status: Status | null, };

export type HandOff = { fromChannelId: string, toChannelId: string, count: number, 
/**
 * The sending channel's job description lists the receiver in "works with".
 */
declared: boolean, };

export type LoopReport = { mapId: string, mapName: string, connectorId: string, kind: ConnectorKind, label: string, fromCardId: string, fromTitle: string, fromStage: string, toCardId: string, toTitle: string, toStage: string, };

export type VulnerabilityReport = { mapId: string, mapName: string, cardId: string, title: string, stageId: string, stageName: string, vulnerability: Vulnerability, };

export type StrategyReport = { 
/**
 * [`STATUS_RULE`], for display.
 */
rule: string, 
/**
 * In the document's channel order.
 */
channels: Array<ChannelReport>, 
/**
 * In map order, then card order.
 */
passionPoints: Array<PassionPointReport>, 
/**
 * Sorted by sending channel's order, then receiving channel's.
 */
handOffs: Array<HandOff>, loops: Array<LoopReport>, 
/**
 * Highest severity first, then map and card order.
 */
vulnerabilities: Array<VulnerabilityReport>, };

export type PerformanceRow = { 
/**
 * The line of the file the row starts on, counted from 1 (the header is line 1).
 */
line: number, 
/**
 * `YYYY-MM`.
 */
month: string, channelId: string, 
/**
 * The channel's name in the document.
 */
channelName: string, goalId: string, 
/**
 * The goal's metric as the document spells it.
 */
metric: string, value: Num, 
/**
 * The actual the document already has for this channel, month and goal: importing
 * replaces it.
 */
previous: Num | null, };

export type PerformanceProblem = { 
/**
 * The line of the file, counted from 1 (a row spanning lines: its first line).
 */
line: number, 
/**
 * `month`, `channel`, `metric` or `value`; empty when the whole line is wrong.
 */
column: string, message: string, };

export type PerformanceImport = { 
/**
 * The rows understood, in file order (also when other rows have problems).
 */
rows: Array<PerformanceRow>, 
/**
 * Every problem, in file order (at most 100 entries; the last one then says how
 * many more there are).
 */
problems: Array<PerformanceProblem>, 
/**
 * The months the rows cover, each once, in order.
 */
months: Array<string>, 
/**
 * One `Batch` of `UpdateChannel` edits, one per channel the rows touch; `None`
 * when there is any problem or no row.
 */
edit: Edit | null, };

export type Scene = { mapId: string, mapName: string, 
/**
 * The whole drawing's size.
 */
width: number, height: number, 
/**
 * The band at the top holding the stage headers.
 */
headerHeight: number, 
/**
 * The column at the left holding the lane headers.
 */
gutterWidth: number, stages: Array<SceneStage>, 
/**
 * Visible lanes only (hidden lanes are left out), top to bottom.
 */
lanes: Array<SceneLane>, cards: Array<SceneCard>, connectors: Array<SceneConnector>, emotionLines: Array<SceneEmotionLine>, 
/**
 * One per visible (not collapsed) engagement-ladder lane, top to bottom.
 */
ladder: Array<SceneLadder>, 
/**
 * One per stage holding points of vulnerability, in stage order: a "heat band"
 * the UI may lay over the stage's column.
 */
heat: Array<SceneHeat>, fonts: SceneFonts, };

export type SceneFonts = { family: string, titleSize: number, titleWeight: number, bodySize: number, bodyWeight: number, headerSize: number, headerWeight: number, lineHeight: number, };

export type TextLine = { text: string, x: number, y: number, width: number, };

export type SceneStage = { id: string, index: number, x: number, width: number, 
/**
 * `#rrggbb`, resolved from the stage or the palette.
 */
color: string, name: Array<TextLine>, };

export type SceneLane = { id: string, index: number, kind: LaneKind, y: number, height: number, color: string, collapsed: boolean, 
/**
 * How many cards the lane holds (shown on a collapsed lane, right-aligned at `count_x`).
 */
cardCount: number, countX: number, name: Array<TextLine>, };

export type SceneCard = { id: string, stageId: string, laneId: string, kind: LaneKind, 
/**
 * Position within its cell.
 */
index: number, x: number, y: number, width: number, height: number, fill: string, stroke: string, title: Array<TextLine>, body: Array<TextLine>, 
/**
 * The title as typed, not wrapped: what the card is called (its accessible name).
 * Joining the wrapped lines would split words ("e- mail").
 */
titleText: string, 
/**
 * The delivering channel's icon and name, if any.
 */
channel: SceneChannelBadge | null, flags: CardFlags, 
/**
 * The vulnerability's severity, 1 (low) to 3 (high), when the card is flagged as a
 * point of vulnerability; `None` otherwise.
 */
severity: number | null, 
/**
 * Who wrote the card in a workshop: their initials on a badge of their colour at
 * the card's top-left corner. Absent for a card without an author.
 */
author?: SceneAuthor, };

export type SceneChannelBadge = { id: string, 
/**
 * The badge row inside the card (top-left corner and size).
 */
x: number, y: number, width: number, height: number, icon: string, name: string, color: string, };

export type SceneAuthor = { id: string, initials: string, 
/**
 * The participant's name, for the badge's tooltip and accessible name.
 */
name: string, color: string, x: number, y: number, width: number, height: number, };

export type SceneConnector = { id: string, kind: ConnectorKind, fromCardId: string, toCardId: string, 
/**
 * An SVG path (`d` attribute) from the source card's edge to the target's.
 */
path: string, 
/**
 * Where the arrow ends, and the direction it points (degrees, 0 = right).
 */
endX: number, endY: number, endAngle: number, label: TextLine | null, 
/**
 * A box holding everything drawn for the connector (its path, arrowhead and label),
 * so a drawer can tell whether it is in view without reading the path: a detour
 * may run far from both of its cards.
 */
bounds: SceneBounds, };

export type SceneBounds = { x: number, y: number, width: number, height: number, };

export type SceneEmotionLine = { personaId: string, personaName: string, color: string, 
/**
 * The emotion lane it is drawn in.
 */
laneId: string, 
/**
 * The persona's name in the lane's gutter, under the lane name; a colour swatch is
 * drawn just left of it.
 */
legend: TextLine | null, points: Array<SceneEmotionPoint>, 
/**
 * A smooth SVG path through the points.
 */
path: string, };

export type SceneEmotionPoint = { stageId: string, value: number, x: number, y: number, };

export type SceneLadder = { 
/**
 * The ladder lane it is drawn in (one `SceneLadder` per lane).
 */
laneId: string, 
/**
 * `#rrggbb`: the stepped line and the markers.
 */
color: string, 
/**
 * Lowest rung first.
 */
rungs: Array<SceneRung>, 
/**
 * In stage order, from the first stage that reaches a rung on.
 */
steps: Array<SceneLadderStep>, 
/**
 * The stepped line through the steps' markers (an SVG path of `M`, `H` and `V`;
 * empty when no stage reaches a rung): level through each column, rising or falling
 * at the border between two columns.
 */
path: string, };

export type SceneRung = { rungId: string, 
/**
 * 0 for the lowest rung.
 */
index: number, 
/**
 * The guide line runs from `x1` to `x2` at `y`.
 */
y: number, x1: number, x2: number, 
/**
 * The rung's name in the gutter, vertically centred on the guide (cut with "…").
 */
name: TextLine | null, };

export type SceneLadderStep = { stageId: string, rungId: string, x: number, y: number, 
/**
 * True when the stage sets no rung of its own and keeps the previous stage's level
 * (drawn as a small hollow marker without a label).
 */
inherited: boolean, 
/**
 * The rung's name centred above the marker (stages with their own rung only); draw
 * it on a halo, as it may cross a guide line.
 */
label: TextLine | null, };

export type SceneHeat = { stageId: string, 
/**
 * The stage's column.
 */
x: number, width: number, 
/**
 * The sum of the severities of the stage's points of vulnerability (cards in hidden
 * lanes left out), capped at 9; always at least 1.
 */
level: number, 
/**
 * `#rrggbb` from a ramp, light red (1) to dark red (9).
 */
color: string, };

export type ListPatch<T> = { 
/**
 * New items and changed ones, whole, in their new order.
 */
upserted: Array<T>, 
/**
 * Ids of the items that are gone.
 */
removed: Array<string>, 
/**
 * Every id in the new order; `null` when removing the removed items, replacing the
 * upserted ones in place and appending the new ones (in `upserted` order) gives it.
 */
order: Array<string> | null, };

export type ScenePatch = { mapId: string, mapName: string, width: number, height: number, headerHeight: number, gutterWidth: number, fonts: SceneFonts, stages: ListPatch<SceneStage>, lanes: ListPatch<SceneLane>, cards: ListPatch<SceneCard>, connectors: ListPatch<SceneConnector>, emotionLines: ListPatch<SceneEmotionLine>, ladder: ListPatch<SceneLadder>, heat: ListPatch<SceneHeat>, };

export type DocumentState = { path: string, 
/**
 * The file name without `.waymark`, shown in the title bar.
 */
name: string, revision: number, undoLabel: string | null, redoLabel: string | null, maps: Array<MapSummary>, schemaVersion: number, };

export type SceneUpdate = { "kind": "full", revision: number, scene: Scene, } | { "kind": "patch", baseRevision: number, revision: number, patch: ScenePatch, };

export type AppError = { kind: string, message: string, };

export type Roster = { channels: Array<Channel>, personas: Array<Persona>, 
/**
 * The engagement ladder's rungs, lowest first.
 */
ladder: Array<Rung>, 
/**
 * The people in the room of the document's workshops (workshop mode).
 */
participants: Array<Participant>, };

export type AppliedEdit = { scene: SceneUpdate | null, path: string, 
/**
 * The file name without `.waymark`, shown in the title bar.
 */
name: string, revision: number, undoLabel: string | null, redoLabel: string | null, maps: Array<MapSummary>, schemaVersion: number, };

export type ExportFormat = "png" | "pdf" | "svg" | "json" | "csv";

export type PaperSize = "fit" | "a4" | "a3" | "a2" | "a1" | "a0" | "letter" | "tabloid";

export type Orientation = "portrait" | "landscape";

export type Background = "white" | "transparent";

export type ExportOptions = { format: ExportFormat, page: PaperSize, orientation: Orientation, 
/**
 * Blank border around the content on every page, in millimetres.
 */
marginMm: number, background: Background, 
/**
 * Raster resolution (PNG only), 72–600.
 */
dpi: number, 
/**
 * Map name, persona and date in a block under the map.
 */
titleBlock: boolean, 
/**
 * The lanes by name, channels with their icons, connector kinds and card markers.
 */
legend: boolean, 
/**
 * Print the page as a poster across several sheets of this size (PDF only).
 */
tile: PaperSize | null, 
/**
 * How much neighbouring sheets overlap, in millimetres, for taping together.
 */
tileOverlapMm: number, 
/**
 * After the map, pages with the channels' job descriptions and SMART goals and the
 * passion points' KPIs (PDF only; a PNG or SVG is one picture).
 */
appendix: boolean, 
/**
 * The kickoff kit (PDF only): the map as a poster (on `page`, A1 when fitted, or
 * tiled on `tile`), then a handout per channel, the passion-point KPI sheet, the
 * map's voting results and a blank worksheet per stage for paper sessions.
 */
kit: boolean, };

export type ExportProgress = { jobId: number, 
/**
 * 0 to 1.
 */
fraction: number, };

export type ExportOutcome = "done" | "cancelled" | "failed";

export type ExportFinished = { jobId: number, outcome: ExportOutcome, 
/**
 * Where the file was written (Done), or would have been.
 */
path: string, 
/**
 * The file's size (Done), else 0.
 */
bytes: number, 
/**
 * Why it failed (Failed).
 */
error: AppError | null, };

export type ExportPreview = { 
/**
 * `data:image/png;base64,…`
 */
dataUrl: string, 
/**
 * How many pages (sheets, for a tiled poster) the export makes; 1 for PNG/SVG.
 */
pages: number, 
/**
 * The page as the user should read it, e.g. "A3 landscape · 420 × 297 mm" or
 * "Fit to content · 2724 × 2557 px at 150 dpi": sizes are those of the page the
 * export composes, a PNG's pixels those it will be written with.
 */
pageLabel: string, };

export type ImportResult = { mapId: string, mapName: string, cards: number, state: DocumentState, };

export type MapView = { x: number, y: number, zoom: number, };

export type TemplateCard = { 
/**
 * What `create_from_template` (and `waymark new --template`) takes.
 */
name: string, 
/**
 * The short display name.
 */
title: string, description: string, 
/**
 * Of the first map, which the thumbnail shows.
 */
stageCount: number, laneCount: number, 
/**
 * Over every map of the template.
 */
cardCount: number, mapCount: number, 
/**
 * `data:image/png;base64,…`: the first map, `THUMBNAIL_SCALE` pixels per CSS pixel.
 */
thumbnail: string, 
/**
 * The thumbnail's size in CSS pixels (its longer side is `THUMBNAIL_SIZE`).
 */
thumbnailWidth: number, thumbnailHeight: number, };

export type PresentationStep = { mapId: string, 
/**
 * 0 is the opening overview, 1 … N the stages, N + 1 the closing overview.
 */
step: number, 
/**
 * The lanes marked hidden for outsiders are left out.
 */
forOutsiders: boolean, timer: PresentationTimer, };

export type PresentationTimer = { remainingMs: number, durationMs: number, running: boolean, };
