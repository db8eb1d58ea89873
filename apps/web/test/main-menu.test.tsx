import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app/app.tsx';
import { renderApp } from './render.tsx';

const scrollTo = HTMLElement.prototype.scrollTo;

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  HTMLElement.prototype.scrollTo = scrollTo;
  window.history.replaceState(null, '', window.location.pathname);
});

const rect = (left: number, width: number) => DOMRect.fromRect({ x: left, y: 0, width, height: 30 });

/**
 * A phone's menu: a 370 px row showing its first items, each item `width` px wide laid out left to
 * right from x = 10, and a spy on the row's sideways scroll.
 */
function phoneLayout(width = 100) {
  const scrolled = vi.fn();
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    if (this.tagName === 'UL') return rect(10, 370);
    const index = [...(this.closest('ul')?.querySelectorAll('a') ?? [])].indexOf(this as HTMLAnchorElement);
    return rect(10 + index * width, width);
  });
  HTMLElement.prototype.scrollTo = scrolled;
  return scrolled;
}

/** The app opened at `hash`, as from a bookmark, on a server that answers nothing. */
async function openAt(hash: string, lang: 'es' | 'en') {
  window.history.replaceState(null, '', `${window.location.pathname}${hash}`);
  renderApp(<App />, () => undefined, lang);
  await act(async () => {});
}

describe('the menu on a phone', () => {
  it('scrolls the current page into view when it is off the row (Monitoring, the last of ten)', async () => {
    const scrolled = phoneLayout();
    await openAt('#/monitoring', 'es');
    const menu = screen.getByRole('navigation', { name: 'Menú principal' });
    expect(within(menu).getByRole('link', { name: 'Monitorización' }).getAttribute('aria-current')).toBe(
      'page',
    );
    // The tenth item spans 910–1010: centred in the 10–380 row means 765 px to the left.
    expect(scrolled).toHaveBeenCalledWith({ left: 765 });
  });

  it('scrolls the current page clear of the right-edge fade (Modelos reaching into it)', async () => {
    const scrolled = phoneLayout(90);
    // The row's right padding is the width of its fade (styles.css): 24 px, so 356–380 is faded.
    const style = window.getComputedStyle;
    vi.spyOn(window, 'getComputedStyle').mockImplementation((el, pseudo) => {
      const computed = style(el, pseudo);
      if (el.tagName !== 'UL') return computed;
      return new Proxy(computed, {
        get: (target, key) => (key === 'paddingRight' ? '24px' : Reflect.get(target, key)),
      });
    });
    await openAt('#/models', 'es');
    // Models, the fourth 90 px item, spans 280–370: inside the row but 14 px into the fade. Centred
    // in the 10–380 row means 130 px to the left.
    expect(scrolled).toHaveBeenCalledWith({ left: 130 });
  });

  it('leaves the row alone when the current page is already in view', async () => {
    const scrolled = phoneLayout();
    await openAt('#/recommend', 'en');
    expect(scrolled).not.toHaveBeenCalled();
  });
});
