// The emotion curve's geometry, mirrored from the layout (render/src/emotion.rs and
// layout.rs): the curve band is the top EMOTION_BAND_HEIGHT of an emotion lane, with
// CURVE_PAD kept free above +2 and below −2.

import type { Edit } from '../generated/types';

export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;
export const EMOTION_BAND_HEIGHT = 160;
export const CURVE_PAD = 22;

/** The curve band of an emotion lane whose top is at `laneTop`. */
export interface EmotionBand {
  top: number;
  height: number;
}

export const bandOf = (laneTop: number): EmotionBand => ({ top: laneTop, height: EMOTION_BAND_HEIGHT });

const usable = (band: EmotionBand) => Math.max(0, band.height - 2 * CURVE_PAD);

/** The y of a value inside the band (+2 at the top). */
export function yForValue(value: number, band: EmotionBand): number {
  const v = clampValue(value);
  return band.top + CURVE_PAD + ((EMOTION_MAX - v) / (EMOTION_MAX - EMOTION_MIN)) * usable(band);
}

/** The value nearest to a y in the band, snapped to a whole step within −2..+2. */
export function valueForY(y: number, band: EmotionBand): number {
  const u = usable(band);
  if (u <= 0) return 0;
  const raw = EMOTION_MAX - ((y - band.top - CURVE_PAD) / u) * (EMOTION_MAX - EMOTION_MIN);
  return clampValue(Math.round(raw));
}

export function clampValue(value: number): number {
  const v = Math.round(value);
  return Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, v)) + 0; // + 0 turns −0 into 0
}

/** SetEmotion for a new value; null when unchanged. */
export function setEmotionEdit(mapId: string, personaId: string, stageId: string, old: number | null, value: number | null): Edit | null {
  const next = value === null ? null : clampValue(value);
  if (next === old) return null;
  return { type: 'SetEmotion', mapId, personaId, stageId, value: next };
}

export const describeEmotion = (value: number): string => (value > 0 ? `+${value}` : `${value}`);
