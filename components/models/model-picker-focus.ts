const optionSelector = '[data-testid=model-option]';

/**
 * Moves the focus between the picker's model buttons from wherever it is in the list (a model,
 * its star, a "show all" button): down to the next model, up to the previous one or back to the
 * search field; from the search field, down to the first model. Returns whether it moved.
 */
export function moveFocus(container: HTMLElement, search: HTMLElement, key: string): boolean {
  const options = [...container.querySelectorAll<HTMLElement>(optionSelector)];
  const active = document.activeElement;
  let target: HTMLElement | undefined;
  if (!active || !container.contains(active)) {
    // In the search field, Home and End move the caret.
    target = key === 'ArrowDown' ? options[0] : undefined;
  } else if (key === 'Home') {
    target = options[0];
  } else if (key === 'End') {
    target = options.at(-1);
  } else if (key === 'ArrowDown') {
    target = options.find(
      (option) => active.compareDocumentPosition(option) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
  } else if (key === 'ArrowUp') {
    target =
      options.findLast(
        (option) => active.compareDocumentPosition(option) & Node.DOCUMENT_POSITION_PRECEDING,
      ) ?? search;
  }
  if (!target) return false;
  target.focus();
  return true;
}
