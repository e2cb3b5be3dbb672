// TEMPORARY hand-transcription of the Rust types, in the shape ts-rs emits.
// The lead overwrites this file with the generated one; do not edit by hand.

export type Id = string;

export type Document = { maps: Array<Map>, channels: Array<Channel>, personas: Array<Persona>, };

export type Map = { id: Id, name: string, description: string, personaIds: Array<Id>, stages: Array<Stage>, lanes: Array<Lane>, cards: Array<Card>, connectors: Array<Connector>, emotionPoints: Array<EmotionPoint>, };

export type MapProps = { name: string, description: string, personaIds: Array<Id>, };

export type Stage = { id: Id, name: string, color: string | null, width: number, };

export type StageProps = { name: string, color: string | null, width: number, };

export type LaneKind = "touchpoints" | "actions" | "thoughts" | "emotions" | "pain_points" | "opportunities" | "passion_points" | "channels" | "kpis" | "backstage" | "notes" | "custom";

export type Lane = { id: Id, name: string, kind: LaneKind, color: string | null, collapsed: boolean, hidden: boolean, };

export type LaneProps = { name: string, kind: LaneKind, color: string | null, collapsed: boolean, hidden: boolean, };

export type CardFlags = { passionPoint: boolean, shareableMoment: boolean, pointOfVulnerability: boolean, };

export type Card = { id: Id, stageId: Id, laneId: Id, kind: LaneKind, title: string, body: string, color: string | null, channelId: Id | null, personaIds: Array<Id>, flags: CardFlags, };

export type CardProps = { title: string, body: string, color: string | null, channelId: Id | null, personaIds: Array<Id>, flags: CardFlags, };

export type Channel = { id: Id, name: string, icon: string, color: string | null, };

export type ChannelProps = { name: string, icon: string, color: string | null, };

export type Persona = { id: Id, name: string, segment: string, color: string | null, };

export type PersonaProps = { name: string, segment: string, color: string | null, };

export type ConnectorKind = "flow" | "loop_back" | "word_of_mouth" | "hand_off";

export type Connector = { id: Id, fromCardId: Id, toCardId: Id, kind: ConnectorKind, label: string, };

export type ConnectorProps = { kind: ConnectorKind, label: string, };

export type EmotionPoint = { personaId: Id, stageId: Id, value: number, };

export type MapSummary = { id: Id, name: string, stageCount: number, laneCount: number, cardCount: number, connectorCount: number, };

export type Edit = { "type": "AddMap", map: Map, index: number, } | { "type": "UpdateMap", mapId: Id, props: MapProps, } | { "type": "ReorderMap", mapId: Id, index: number, } | { "type": "DeleteMap", mapId: Id, } | { "type": "AddStage", mapId: Id, stage: Stage, index: number, } | { "type": "UpdateStage", mapId: Id, stageId: Id, props: StageProps, } | { "type": "ReorderStage", mapId: Id, stageId: Id, index: number, } | { "type": "DeleteStage", mapId: Id, stageId: Id, } | { "type": "AddLane", mapId: Id, lane: Lane, index: number, } | { "type": "UpdateLane", mapId: Id, laneId: Id, props: LaneProps, } | { "type": "ReorderLane", mapId: Id, laneId: Id, index: number, } | { "type": "DeleteLane", mapId: Id, laneId: Id, } | { "type": "AddCard", mapId: Id, card: Card, index: number, } | { "type": "UpdateCard", mapId: Id, cardId: Id, props: CardProps, } | { "type": "MoveCard", mapId: Id, cardId: Id, stageId: Id, laneId: Id, index: number, } | { "type": "DeleteCard", mapId: Id, cardId: Id, } | { "type": "AddConnector", mapId: Id, connector: Connector, index: number, } | { "type": "UpdateConnector", mapId: Id, connectorId: Id, props: ConnectorProps, } | { "type": "MoveConnector", mapId: Id, connectorId: Id, fromCardId: Id, toCardId: Id, } | { "type": "ReorderConnector", mapId: Id, connectorId: Id, index: number, } | { "type": "DeleteConnector", mapId: Id, connectorId: Id, } | { "type": "AddChannel", channel: Channel, index: number, } | { "type": "UpdateChannel", channelId: Id, props: ChannelProps, } | { "type": "ReorderChannel", channelId: Id, index: number, } | { "type": "DeleteChannel", channelId: Id, } | { "type": "AddPersona", persona: Persona, index: number, } | { "type": "UpdatePersona", personaId: Id, props: PersonaProps, } | { "type": "ReorderPersona", personaId: Id, index: number, } | { "type": "DeletePersona", personaId: Id, } | { "type": "SetEmotion", mapId: Id, personaId: Id, stageId: Id, value: number | null, } | { "type": "Batch", edits: Array<Edit>, };

export type Scene = { mapId: Id, mapName: string, width: number, height: number, headerHeight: number, gutterWidth: number, stages: Array<SceneStage>, lanes: Array<SceneLane>, cards: Array<SceneCard>, connectors: Array<SceneConnector>, emotionLines: Array<SceneEmotionLine>, fonts: SceneFonts, };

export type SceneFonts = { family: string, titleSize: number, titleWeight: number, bodySize: number, bodyWeight: number, headerSize: number, headerWeight: number, lineHeight: number, };

export type TextLine = { text: string, x: number, y: number, width: number, };

export type SceneStage = { id: Id, index: number, x: number, width: number, color: string, name: Array<TextLine>, };

export type SceneLane = { id: Id, index: number, kind: LaneKind, y: number, height: number, color: string, collapsed: boolean, cardCount: number, name: Array<TextLine>, };

export type SceneCard = { id: Id, stageId: Id, laneId: Id, kind: LaneKind, index: number, x: number, y: number, width: number, height: number, fill: string, stroke: string, title: Array<TextLine>, body: Array<TextLine>, channel: SceneChannelBadge | null, flags: CardFlags, };

export type SceneChannelBadge = { id: Id, icon: string, name: string, color: string, };

export type SceneConnector = { id: Id, kind: ConnectorKind, fromCardId: Id, toCardId: Id, path: string, endX: number, endY: number, endAngle: number, label: TextLine | null, };

export type SceneEmotionLine = { personaId: Id, personaName: string, color: string, laneId: Id, points: Array<SceneEmotionPoint>, path: string, };

export type SceneEmotionPoint = { stageId: Id, value: number, x: number, y: number, };

export type DocumentState = { path: string, name: string, revision: number, undoLabel: string | null, redoLabel: string | null, maps: Array<MapSummary>, schemaVersion: number, };

export type AppError = { kind: string, message: string, };
