// One export from the dialog: the Save dialog, the backend's job, its progress and how
// it ended (saved, cancelled or failed), through the ipc wrappers and the export events.
// Events can come before export_start answers with the job's id: they wait and are
// replayed once the id is known. Closing the dialog mid-export cancels the job.

import * as ipc from '../document/ipc';
import type { ExportFinished, ExportOptions, ExportProgress } from '../generated/types';
import { fileName, suggestFileName } from './exportOptions';

/** loading: the last choices are on their way; choosing: the Save dialog is up. */
export type Phase = 'loading' | 'options' | 'choosing' | 'running' | 'done';
export type Status = { kind: 'error' | 'info'; message: string } | null;
/** The control that should have the focus after a change of phase. */
export type FocusTarget = 'start' | 'cancel-job' | 'done';

export class ExportJob {
  phase = $state<Phase>('loading');
  /** A message under the options: why the export stopped, or a problem. */
  status = $state<Status>(null);
  jobId = $state<number | null>(null);
  progress = $state(0);
  cancelling = $state(false);
  result = $state<{ path: string; bytes: number } | null>(null);
  /** The file being written (the chosen path), for the messages. */
  target = $state('');

  readonly percent = $derived(Math.round(Math.min(1, Math.max(0, this.progress)) * 100));

  /** Events that came before export_start answered with their job's id. */
  #early: { finished: ExportFinished[]; progress: ExportProgress[] } = { finished: [], progress: [] };
  #unlisteners: Array<() => void> = [];
  #disposed = false;
  readonly #focus: (target: FocusTarget) => void;

  constructor(focus: (target: FocusTarget) => void) {
    this.#focus = focus;
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  /** Starts listening to the export events (the dialog is open). */
  listen(): void {
    const keep = (p: Promise<() => void>) =>
      p.then(
        (unlisten) => (this.#disposed ? unlisten() : this.#unlisteners.push(unlisten)),
        (error: unknown) => (this.status = { kind: 'error', message: ipc.toAppError(error).message }),
      );
    void keep(ipc.onExportProgress((p) => this.onprogress(p)));
    void keep(ipc.onExportFinished((f) => this.onfinished(f)));
  }

  /** The dialog closed: stop listening, and a file still being written is not wanted. */
  dispose(): void {
    this.#disposed = true;
    for (const unlisten of this.#unlisteners) unlisten();
    if (this.phase === 'running' && this.jobId !== null) void ipc.exportCancel(this.jobId).catch(() => {});
  }

  /** Asks where to save, then starts the export of `options` (as sent). */
  async start(mapId: string, mapName: string, options: ExportOptions): Promise<void> {
    if (this.phase !== 'options') return;
    this.status = null;
    this.phase = 'choosing';
    let path: string | null;
    try {
      path = await ipc.chooseExportPath(options.format, suggestFileName(mapName, options.format, options.kit));
    } catch (error) {
      this.#backToOptions({ kind: 'error', message: ipc.toAppError(error).message });
      return;
    }
    if (this.#disposed) return;
    if (!path) {
      this.#backToOptions(null);
      return;
    }
    this.target = path;
    this.jobId = null;
    this.progress = 0;
    this.cancelling = false;
    this.#early = { finished: [], progress: [] };
    this.phase = 'running';
    this.#focus('cancel-job');
    let id: number;
    try {
      id = await ipc.exportStart(mapId, options, path);
    } catch (error) {
      this.#backToOptions({ kind: 'error', message: ipc.toAppError(error).message });
      return;
    }
    if (this.phase !== 'running') return;
    this.jobId = id;
    const { finished, progress: steps } = this.#early;
    this.#early = { finished: [], progress: [] };
    for (const p of steps) this.onprogress(p);
    const end = finished.find((f) => f.jobId === id);
    if (end) this.onfinished(end);
    else if (this.cancelling) await ipc.exportCancel(id).catch(() => {});
  }

  async cancel(): Promise<void> {
    if (this.phase !== 'running' || this.cancelling) return;
    this.cancelling = true;
    if (this.jobId === null) return; // sent once export_start answers
    try {
      await ipc.exportCancel(this.jobId);
    } catch (error) {
      this.cancelling = false;
      this.status = { kind: 'error', message: ipc.toAppError(error).message };
    }
  }

  async showInFolder(): Promise<void> {
    if (!this.result) return;
    try {
      await ipc.revealInFolder(this.result.path);
    } catch (error) {
      this.status = { kind: 'error', message: ipc.toAppError(error).message };
    }
  }

  onprogress(p: ExportProgress): void {
    if (this.phase !== 'running') return;
    if (this.jobId === null) {
      this.#early.progress.push(p);
      return;
    }
    if (p.jobId === this.jobId) this.progress = Math.max(this.progress, p.fraction);
  }

  onfinished(f: ExportFinished): void {
    if (this.phase !== 'running') return;
    if (this.jobId === null) {
      this.#early.finished.push(f);
      return;
    }
    if (f.jobId !== this.jobId) return;
    if (f.outcome === 'done') {
      this.progress = 1;
      this.result = { path: f.path || this.target, bytes: f.bytes };
      this.phase = 'done';
      this.status = null;
      this.#focus('done');
    } else if (f.outcome === 'cancelled') {
      this.#backToOptions({ kind: 'info', message: 'Export cancelled' });
    } else {
      this.#backToOptions({
        kind: 'error',
        message: f.error?.message ?? `Could not export ${fileName(f.path || this.target)}.`,
      });
    }
  }

  #backToOptions(next: Status): void {
    this.phase = 'options';
    this.jobId = null;
    this.cancelling = false;
    this.status = next;
    this.#focus('start');
  }
}
