// Work that is not needed for the next frame (fetching the stored map for the inspector,
// the strategist's report) waits until that frame is painted, so a drop or an undo is
// on screen before the page parses hundreds of kilobytes (docs/BENCHMARKS.md).

/** Resolves once the next frame has been painted (a task after its animation frame). */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') {
      setTimeout(resolve, 0);
      return;
    }
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}
