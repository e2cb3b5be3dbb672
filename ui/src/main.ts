import { mount } from 'svelte';
import { getCurrentWebviewWindow } from '@tauri-apps/api/webviewWindow';
import './app.css';
import App from './App.svelte';
import Audience from './lib/present/Audience.svelte';

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

export default mount(isAudienceWindow() ? Audience : App, { target });
