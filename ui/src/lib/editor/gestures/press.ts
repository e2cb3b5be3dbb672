// A press on one of the overlay's handles (a header, an edge, an emotion point, the
// connector handle): the handle keeps the pointer until the release, and the map under
// it does not see the press (no marquee starts, the selection stays).

/** True when the press starts a gesture (the main button); the event is then the handle's. */
export function pressHandle(event: PointerEvent): boolean {
  if (event.button !== 0) return false;
  event.stopPropagation();
  event.preventDefault();
  (event.currentTarget as Element | null)?.setPointerCapture?.(event.pointerId);
  return true;
}
