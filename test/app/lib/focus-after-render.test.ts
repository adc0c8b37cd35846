// @vitest-environment jsdom
/**
 * focusAfterRender (src/app/lib/focus.ts): the element to focus may come some frames after the
 * call while the app is busy (a patient created just after the app opened, the example patients'
 * proposals still computing: the new patient's "Add doses" button was not there on the next frame
 * and the focus was lost to the page). It is looked for over the next frames; it does not take the
 * focus from where the user has put it meanwhile.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { focusAfterRender } from '../../../src/app/lib/focus';

let frames: FrameRequestCallback[] = [];
const frame = () => { const f = frames; frames = []; for (const cb of f) cb(0); };

beforeEach(() => {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => { frames.push(cb); return frames.length; });
  document.body.innerHTML = '<button id="other">other</button><div id="pane"></div>';
});
afterEach(() => { vi.unstubAllGlobals(); document.body.innerHTML = ''; });

const addButton = () => { const b = document.createElement('button'); b.id = 'add-doses'; document.getElementById('pane')!.append(b); return b; };
const find = () => document.getElementById('add-doses');

describe('focusAfterRender', () => {
  it('focuses the element on the next frame when it is there', () => {
    const b = addButton();
    focusAfterRender(find);
    frame();
    expect(document.activeElement).toBe(b);
  });
  it('focuses an element that comes three frames later', () => {
    focusAfterRender(find);
    frame(); frame();
    const b = addButton();
    frame();
    expect(document.activeElement).toBe(b);
  });
  it('waits while the element is disabled', () => {
    const b = addButton();
    b.disabled = true;
    focusAfterRender(find);
    frame();
    b.disabled = false;
    frame();
    expect(document.activeElement).toBe(b);
  });
  it('does not take the focus from where the user has put it meanwhile', () => {
    focusAfterRender(find);
    frame();
    document.getElementById('other')!.focus();
    addButton();
    frame();
    expect(document.activeElement?.id).toBe('other');
  });
  it('gives up after the frames it is given', () => {
    focusAfterRender(find, 3);
    frame(); frame(); frame();
    expect(frames).toHaveLength(0);
  });
});
