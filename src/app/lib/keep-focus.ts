/**
 * A button its own action disables (Undo when nothing is left to undo): the browser drops the
 * focus to the start of the page, and a keyboard user has to tab through the whole header to get
 * back. Here the focus goes instead to the message that says what the action did ("Undone: choice
 * for NAT-001"), from where Tab continues with the list.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { focusAfterRender } from './focus';

/** The status line's message (focusable from script only), or nothing when none is shown. */
export function statusMessage(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.status-line .message');
}

/**
 * Call the returned function when the button is pressed; when `disabled` then turns true, the
 * focus moves to `fallback()` once it is rendered (focusAfterRender: looked for over a few frames,
 * and only while the focus is still on the button or lost to the page).
 */
export function useFocusWhenDisabled(button: RefObject<HTMLElement | null>, disabled: boolean, fallback: () => HTMLElement | null = statusMessage): () => void {
  const pressed = useRef(false);
  useEffect(() => {
    if (!disabled || !pressed.current) return;
    pressed.current = false;
    focusAfterRender(fallback, 10);
  }, [disabled, button, fallback]);
  return () => { pressed.current = document.activeElement === button.current; };
}
