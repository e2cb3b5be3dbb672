// One presenting session of a map: the Scene presented (for outsiders or not), the step,
// the speaker notes of each stage, whether the notes panel is shown, the audience's
// window if one is open. The keys (keyboard/keys.ts: PRESENT_KEYS) are performed here;
// the views (Presenting.svelte, Audience.svelte) draw it.

import * as ipc from '../document/ipc';
import type { PresentKeyId } from '../editor/keyboard/keys';
import type { PresentationStep, Scene } from '../generated/types';
import { move, planSteps, stepOf, type PresentMove, type Step, type StepIndex } from './steps';
import type { CountdownTimer } from './timer.svelte';

const MOVES: Partial<Record<PresentKeyId, PresentMove>> = {
  'present-next': 'next',
  'present-previous': 'previous',
  'present-first': 'first',
  'present-last': 'last',
};

export class Presentation {
  readonly mapId: string;
  readonly timer: CountdownTimer;
  scene = $state<Scene | null>(null);
  step = $state<StepIndex>(0);
  forOutsiders = $state(false);
  notesShown = $state(false);
  /** Each stage's speaker notes, by stage id. */
  notes = $state<Record<string, string>>({});
  /** Each stage's name as typed, by stage id (the Scene holds it wrapped, a long word split). */
  names = $state<Record<string, string>>({});
  /** The audience's window (the presenter view is shown while it is open). */
  audience = $state<string | null>(null);
  /** Why the map could not be presented, or null. */
  error = $state<string | null>(null);

  constructor(mapId: string, timer: CountdownTimer, forOutsiders = false) {
    this.mapId = mapId;
    this.timer = timer;
    this.forOutsiders = forOutsiders;
  }

  /** The steps: the whole map, each stage (in parts when tall), the whole map. */
  plan: Step[] = $derived(this.scene ? planSteps(this.scene) : [{ kind: 'overview' }]);

  get stages(): number {
    return this.scene?.stages.length ?? 0;
  }

  /** The stage on screen, or null on the overview. */
  get stage() {
    return this.stageAt(this.step);
  }

  /** The stage of step `step`, or null for the overview. */
  stageAt(step: StepIndex) {
    const s = stepOf(step, this.plan);
    return s.kind === 'stage' ? (this.scene?.stages[s.index] ?? null) : null;
  }

  /** The stage's name as one line: as typed, else the Scene's wrapped lines joined. */
  stageName(step: StepIndex): string {
    const stage = this.stageAt(step);
    if (!stage) return 'The whole journey';
    return this.names[stage.id] ?? stage.name.map((l) => l.text).join(' ');
  }

  /** Whether step `step` goes on down the column of the stage before it. */
  continues(step: StepIndex): boolean {
    const s = stepOf(step, this.plan);
    return s.kind === 'stage' && s.part > 0;
  }

  notesOf(step: StepIndex): string {
    const stage = this.stageAt(step);
    return stage ? (this.notes[stage.id] ?? '') : '';
  }

  /** Fetches the Scene to present and the speaker notes. */
  async load(): Promise<void> {
    try {
      const [scene, map] = await Promise.all([ipc.presentationScene(this.mapId, this.forOutsiders), ipc.mapData(this.mapId)]);
      this.notes = Object.fromEntries(map.stages.map((s) => [s.id, s.speakerNotes ?? '']));
      this.names = Object.fromEntries(map.stages.map((s) => [s.id, s.name]));
      this.scene = scene;
      this.error = null;
      this.sync();
    } catch (error) {
      this.error = ipc.toAppError(error).message;
    }
  }

  /** The "For outsiders" switch: the map laid out again without (or with) the lanes hidden for them. */
  async setForOutsiders(on: boolean): Promise<void> {
    if (on === this.forOutsiders) return;
    this.forOutsiders = on;
    try {
      const scene = await ipc.presentationScene(this.mapId, on);
      if (this.forOutsiders === on) this.scene = scene;
      this.sync();
    } catch (error) {
      this.error = ipc.toAppError(error).message;
    }
  }

  goTo(to: PresentMove): void {
    const next = move(this.step, this.plan, to);
    if (next === this.step) return;
    this.step = next;
    this.sync();
  }

  /** Performs a presenting key; `leave` asks the view to stop presenting. */
  perform(id: PresentKeyId): 'leave' | void {
    const to = MOVES[id];
    if (to) return this.goTo(to);
    switch (id) {
      case 'present-leave':
        return 'leave';
      case 'present-notes':
        this.notesShown = !this.notesShown;
        return;
      case 'present-timer':
        this.timer.toggle();
        this.sync();
        return;
      case 'present-timer-add':
        this.timer.addMinute();
        this.sync();
        return;
    }
  }

  /** What the audience window is sent. */
  get state(): PresentationStep {
    return {
      mapId: this.mapId,
      step: this.step,
      forOutsiders: this.forOutsiders,
      timer: { ...this.timer.state },
    };
  }

  /** Tells the audience window (if any) where the operator is. */
  sync(): void {
    void ipc.presentStep(this.state).catch(() => {});
  }

  /** Opens the audience's window: the map on the second display, the presenter view here. */
  async openAudience(): Promise<void> {
    try {
      this.sync();
      this.audience = await ipc.openAudienceWindow();
    } catch (error) {
      this.error = ipc.toAppError(error).message;
    }
  }

  async closeAudience(): Promise<void> {
    this.audience = null;
    await ipc.closeAudienceWindow().catch(() => {});
  }
}
