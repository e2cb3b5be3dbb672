// Pure builders for connector edits.

import type { Connector, ConnectorKind, ConnectorPatch, ConnectorProps, Edit } from '../../generated/types';
import { changedFields } from '../../document/edits';
import { CONNECTOR_STYLES } from '../canvas/sceneStyle';
import { MAX_NAME } from './structureEdits';

export const CONNECTOR_KINDS: ReadonlyArray<{ kind: ConnectorKind; label: string }> = (
  ['flow', 'loop_back', 'word_of_mouth', 'hand_off'] as const
).map((kind) => ({ kind, label: CONNECTOR_STYLES[kind].label }));

/** A connector drawn to a card in an earlier stage loops back; otherwise it is a flow. */
export function connectorKindFor(fromStageIndex: number, toStageIndex: number): ConnectorKind {
  return toStageIndex < fromStageIndex ? 'loop_back' : 'flow';
}

/** AddConnector from one card to another; null for a card to itself. */
export function addConnectorEdit(
  mapId: string,
  from: { id: string; stageIndex: number },
  to: { id: string; stageIndex: number },
  connectorCount: number,
  id: string = crypto.randomUUID(),
): Edit | null {
  if (from.id === to.id) return null;
  const connector: Connector = {
    id,
    fromCardId: from.id,
    toCardId: to.id,
    kind: connectorKindFor(from.stageIndex, to.stageIndex),
    label: '',
  };
  return { type: 'AddConnector', mapId, connector, index: connectorCount };
}

/** UpdateConnector with the fields the gesture changes (a label is trimmed); null when none changes. */
export function updateConnectorEdit(
  mapId: string,
  connector: Pick<Connector, 'id'> & Partial<ConnectorProps>,
  patch: Partial<ConnectorProps>,
): Edit | null {
  const props: ConnectorPatch = { ...patch };
  if (patch.label !== undefined) props.label = Array.from(patch.label.trim()).slice(0, MAX_NAME).join('');
  const changed = changedFields<ConnectorPatch>(connector, props);
  return changed ? { type: 'UpdateConnector', mapId, connectorId: connector.id, props: changed } : null;
}

export function deleteConnectorEdit(mapId: string, connectorId: string): Edit {
  return { type: 'DeleteConnector', mapId, connectorId };
}
