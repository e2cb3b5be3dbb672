// Messages shown as dismissable toasts (errors from commands and `app-error` events).

export type ToastKind = 'error' | 'info';

export interface ToastMessage {
  id: number;
  kind: ToastKind;
  message: string;
}

/** More than this and the oldest go: a burst of errors must not bury the window. */
const MAX_TOASTS = 4;

export class Toasts {
  items = $state<ToastMessage[]>([]);
  #next = 1;

  push(message: string, kind: ToastKind = 'error'): number {
    const id = this.#next++;
    this.items = [...this.items, { id, kind, message }].slice(-MAX_TOASTS);
    return id;
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }

  clear(): void {
    this.items = [];
  }
}
