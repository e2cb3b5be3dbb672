import { mount } from 'svelte';
import { getCurrentWebviewWindow } from '@tauri-apps/api/webviewWindow';
import './app.css';
import App from './App.svelte';
import Audience from './lib/present/Audience.svelte';
import { askFirstScene } from './lib/document/firstScene';

// For the cold-start benchmark (docs/BENCHMARKS.md): the bundle has run.
performance.mark('waymark:script');

const target = document.getElementById('app');
if (!target) throw new Error('missing #app');

/** The audience's window while presenting (src-tauri/src/present.rs) shows only the presented map. */
function isAudienceWindow(): boolean {
  try {
    return getCurrentWebviewWindow().label.startsWith('audience-');
  } catch {
    return false;
  }
}

const audience = isAudienceWindow();
// The editor's first map is asked for now, so the backend answers while the UI mounts.
if (!audience) askFirstScene();
const app = mount(audience ? Audience : App, { target });
performance.mark('waymark:mounted');
export default app;
