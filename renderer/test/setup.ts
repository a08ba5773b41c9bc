import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom lacks the layout APIs antd measures with; these stand-ins report "no size, no change".
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver ??= NoResizeObserver;

const computedStyle = window.getComputedStyle.bind(window);
// antd asks for pseudo-element styles (scrollbar size), which jsdom does not implement.
window.getComputedStyle = (elt: Element) => computedStyle(elt);

Element.prototype.scrollTo ??= () => undefined;

// A shared two-core machine under load can take over a second to settle a render; waiting longer
// costs nothing when it is quick, and a broken behaviour still fails.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
});
