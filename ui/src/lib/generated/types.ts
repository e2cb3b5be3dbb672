// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit by hand:
// run `UPDATE_BINDINGS=1 cargo test --test tests bindings` after changing a type.

export type Document = { maps: Array<Map>, channels: Array<Channel>, personas: Array<Persona>, };

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
emotionPoints: Array<EmotionPoint>, };

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
width: number, };

export type StageProps = { name: string, color: string | null, width: number, };

export type LaneKind = "touchpoints" | "actions" | "thoughts" | "emotions" | "pain_points" | "opportunities" | "passion_points" | "channels" | "kpis" | "backstage" | "notes" | "custom";

export type Lane = { id: string, name: string, kind: LaneKind, color: string | null, collapsed: boolean, hidden: boolean, };

export type LaneProps = { name: string, kind: LaneKind, color: string | null, collapsed: boolean, hidden: boolean, };

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
channelId: string | null, personaIds: Array<string>, flags: CardFlags, };

export type CardProps = { title: string, body: string, color: string | null, channelId: string | null, personaIds: Array<string>, flags: CardFlags, };

export type Channel = { id: string, name: string, 
/**
 * A short glyph shown on touchpoint cards (an emoji or one or two letters).
 */
icon: string, color: string | null, };

export type ChannelProps = { name: string, icon: string, color: string | null, };

export type Persona = { id: string, name: string, segment: string, color: string | null, };

export type PersonaProps = { name: string, segment: string, color: string | null, };

export type ConnectorKind = "flow" | "loop_back" | "word_of_mouth" | "hand_off";

export type Connector = { id: string, fromCardId: string, toCardId: string, kind: ConnectorKind, label: string, };

export type ConnectorProps = { kind: ConnectorKind, label: string, };

export type EmotionPoint = { personaId: string, stageId: string, value: number, };

export type Edit = { "type": "AddMap", map: Map, index: number, } | { "type": "UpdateMap", mapId: string, props: MapProps, } | { "type": "ReorderMap", mapId: string, index: number, } | { "type": "DeleteMap", mapId: string, } | { "type": "AddStage", mapId: string, stage: Stage, index: number, } | { "type": "UpdateStage", mapId: string, stageId: string, props: StageProps, } | { "type": "ReorderStage", mapId: string, stageId: string, index: number, } | { "type": "DeleteStage", mapId: string, stageId: string, } | { "type": "AddLane", mapId: string, lane: Lane, index: number, } | { "type": "UpdateLane", mapId: string, laneId: string, props: LaneProps, } | { "type": "ReorderLane", mapId: string, laneId: string, index: number, } | { "type": "DeleteLane", mapId: string, laneId: string, } | { "type": "AddCard", mapId: string, card: Card, index: number, } | { "type": "UpdateCard", mapId: string, cardId: string, props: CardProps, } | { "type": "MoveCard", mapId: string, cardId: string, stageId: string, laneId: string, index: number, } | { "type": "DeleteCard", mapId: string, cardId: string, } | { "type": "AddConnector", mapId: string, connector: Connector, index: number, } | { "type": "UpdateConnector", mapId: string, connectorId: string, props: ConnectorProps, } | { "type": "MoveConnector", mapId: string, connectorId: string, fromCardId: string, toCardId: string, } | { "type": "ReorderConnector", mapId: string, connectorId: string, index: number, } | { "type": "DeleteConnector", mapId: string, connectorId: string, } | { "type": "AddChannel", channel: Channel, index: number, } | { "type": "UpdateChannel", channelId: string, props: ChannelProps, } | { "type": "ReorderChannel", channelId: string, index: number, } | { "type": "DeleteChannel", channelId: string, } | { "type": "AddPersona", persona: Persona, index: number, } | { "type": "UpdatePersona", personaId: string, props: PersonaProps, } | { "type": "ReorderPersona", personaId: string, index: number, } | { "type": "DeletePersona", personaId: string, } | { "type": "SetEmotion", mapId: string, personaId: string, stageId: string, value: number | null, } | { "type": "Batch", edits: Array<Edit>, };

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
lanes: Array<SceneLane>, cards: Array<SceneCard>, connectors: Array<SceneConnector>, emotionLines: Array<SceneEmotionLine>, fonts: SceneFonts, };

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
 * The delivering channel's icon and name, if any.
 */
channel: SceneChannelBadge | null, flags: CardFlags, };

export type SceneChannelBadge = { id: string, 
/**
 * The badge row inside the card (top-left corner and size).
 */
x: number, y: number, width: number, height: number, icon: string, name: string, color: string, };

export type SceneConnector = { id: string, kind: ConnectorKind, fromCardId: string, toCardId: string, 
/**
 * An SVG path (`d` attribute) from the source card's edge to the target's.
 */
path: string, 
/**
 * Where the arrow ends, and the direction it points (degrees, 0 = right).
 */
endX: number, endY: number, endAngle: number, label: TextLine | null, };

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

export type ScenePatch = { mapId: string, mapName: string, width: number, height: number, headerHeight: number, gutterWidth: number, fonts: SceneFonts, stages: ListPatch<SceneStage>, lanes: ListPatch<SceneLane>, cards: ListPatch<SceneCard>, connectors: ListPatch<SceneConnector>, emotionLines: ListPatch<SceneEmotionLine>, };

export type DocumentState = { path: string, 
/**
 * The file name without `.waymark`, shown in the title bar.
 */
name: string, revision: number, undoLabel: string | null, redoLabel: string | null, maps: Array<MapSummary>, schemaVersion: number, };

export type SceneUpdate = { "kind": "full", revision: number, scene: Scene, } | { "kind": "patch", baseRevision: number, revision: number, patch: ScenePatch, };

export type AppError = { kind: string, message: string, };

export type Roster = { channels: Array<Channel>, personas: Array<Persona>, };

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
 * Lane kinds, channels with their icons, connector kinds.
 */
legend: boolean, 
/**
 * Print the page as a poster across several sheets of this size (PDF only).
 */
tile: PaperSize | null, 
/**
 * How much neighbouring sheets overlap, in millimetres, for taping together.
 */
tileOverlapMm: number, };

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
 * "Fit to content · 3 402 × 1 288 px at 150 dpi".
 */
pageLabel: string, };

export type ImportResult = { mapId: string, mapName: string, cards: number, state: DocumentState, };
