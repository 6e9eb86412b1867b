"use client";

import { useEffect, useRef } from "react";

/** True when a key press belongs to a text field or a menu, not to page shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** j / k / Enter on the whole document, ignored while typing or with modifier keys. */
export function useRowKeyboard({
  enabled,
  onNext,
  onPrev,
  onOpen,
}: {
  enabled: boolean;
  onNext: () => void;
  onPrev: () => void;
  onOpen: () => void;
}) {
  // Latest handlers in a ref so the listener is attached once, not on every render.
  const handlers = useRef({ onNext, onPrev, onOpen });
  useEffect(() => {
    handlers.current = { onNext, onPrev, onOpen };
  });
  useEffect(() => {
    if (!enabled) return;
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target)) return;
      // A button or link under focus keeps Enter for itself.
      if (e.key === "Enter" && e.target instanceof HTMLElement && e.target.closest("button, a, summary")) return;
      if (e.key === "j") handlers.current.onNext();
      else if (e.key === "k") handlers.current.onPrev();
      else if (e.key === "Enter") handlers.current.onOpen();
      else return;
      e.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [enabled]);
}
