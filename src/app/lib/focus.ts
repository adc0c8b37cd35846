/**
 * Keyboard focus for forms (issue 15): a form that opens takes the focus to its first field, and
 * when it closes the focus goes back to the control that opened it, so a nurse can enter a day's
 * results by keyboard without tabbing through the whole page again.
 */
import { useEffect, type RefObject } from 'react';

const FIELDS = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** Focus the first field inside `ref` when the component mounts (scrolling it into view). */
export function useFocusFirstField(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = ref.current?.querySelector<HTMLElement>(FIELDS);
    el?.focus();
  }, [ref]);
}

/** Focus the first field inside an element now. */
export function focusFirstField(container: HTMLElement | null | undefined): void {
  container?.querySelector<HTMLElement>(FIELDS)?.focus();
}

/**
 * Focus an element after the next render (a closed form's opener: it may only be enabled or
 * shown again then). `target` is an element or a function that finds it at that time. While the
 * app is busy (the patients' proposals computing just after it opens) the element may come some
 * frames later: it is looked for up to `frames` frames (about a second), and then focused only if
 * the focus has not gone elsewhere meanwhile (it is on the page itself, or where it was).
 */
export function focusAfterRender(target: HTMLElement | null | (() => HTMLElement | null | undefined), frames = 60): void {
  const from = document.activeElement;
  let tries = 0;
  const attempt = () => {
    const el = typeof target === 'function' ? target() : target;
    if (el && !(el as HTMLButtonElement).disabled) {
      const now = document.activeElement;
      if (tries === 0 || now === null || now === document.body || now === from) el.focus();
      return;
    }
    if (++tries < frames) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
