// Every unit test runs as the page of the app's first window (`main`): the window's
// events are listened to on the current webview window, which the mocks must name.
import { beforeEach } from 'vitest';
import { mockWindows } from '@tauri-apps/api/mocks';

beforeEach(() => {
  mockWindows('main');
});
