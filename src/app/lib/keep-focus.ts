/**
 * A button its own action disables (Undo when nothing is left to undo): the browser drops the
 * focus to the start of the page, and a keyboard user has to tab through the whole header to get
 * back. Here the focus goes instead to the message that says what the action did ("Undone: choice
 * for NAT-001"), from where Tab continues with the list.
 */
import { useEffect, useRef, type RefObject } from 'react';

/** The status line's message (focusable from script only), or nothing when none is shown. */
export function statusMessage(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.status-line .message');
}

/**
 * Call the returned function when the button is pressed; when `disabled` then turns true while the
 * focus is on the button or lost (on the page's body), the focus moves to `fallback()` once it is
 * rendered (tried for a few frames).
 */
export function useFocusWhenDisabled(button: RefObject<HTMLElement | null>, disabled: boolean, fallback: () => HTMLElement | null = statusMessage): () => void {
  const pressed = useRef(false);
  useEffect(() => {
    if (!disabled || !pressed.current) return;
    pressed.current = false;
    let frames = 0;
    let id = 0;
    const tryFocus = () => {
      const active = document.activeElement;
      if (active && active !== document.body && active !== button.current) return; // the user has moved on
      const el = fallback();
      if (el) el.focus();
      else if (++frames < 10) id = requestAnimationFrame(tryFocus);
    };
    id = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(id);
  }, [disabled, button, fallback]);
  return () => { pressed.current = document.activeElement === button.current; };
}
