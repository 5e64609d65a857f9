/**
 * @jest-environment jsdom
 */
// The filter in front of jsdom's style rule matching (tests/tab/support/style-rule-filter.ts) only skips rules that
// cannot match: every computed style in the tab, under Fluent's real style rules, is the same with it as without it.
import { fireEvent, screen, within } from '@testing-library/react';

import { renderEditor } from './charter/editor-harness';
import { filterStyleRules, mayMatchStyleRule } from './support/style-rule-filter';

function element(html: string): Element {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host.firstElementChild as Element;
}

/** Every element's computed style, property by property. */
function computedStyles(): string[][] {
  // jsdom keeps computed styles until the document changes: change it, so they are worked out again.
  document.body.appendChild(document.createElement('span')).remove();
  return Array.from(document.querySelectorAll('*'), (el) => {
    const style = getComputedStyle(el);
    return Array.from(style, (property) => `${property}: ${style.getPropertyValue(property)}`);
  });
}

describe('the style rule filter', () => {
  afterEach(() => filterStyleRules(true));

  const button = '<button class="fui-Button f1abc r2def">Save</button>';
  it.each([
    ['.f1xyz', false],
    ['.f1abc.f9zzz:hover', false],
    ['.f1abc .fui-Icon-regular', false],
    ['.f9zzz::after,.f8yyy:focus-visible', false],
    ['input[type="button"]:active, input[type="submit"]', false],
    ['button.f9zzz', false],
    ['.fui-Button>svg', false],
    ['.f1abc', true],
    ['.f1abc:hover:active', true],
    ['.f9zzz .f1abc', true],
    ['.f9zzz,.r2def::after', true],
    ['.f1abc:not(.r2def)', true],
    ['.fui-Button > *', true],
    ['input[type="button"], button:disabled', true],
    ['[data-x=".f9zzz"]', true],
    ['.f9zzz\\:x', true],
  ])(
    'rules out only a selector whose subject needs a tag or class the button lacks: %s → may match %s',
    (selector, may) => {
      expect(mayMatchStyleRule(selector, element(button))).toBe(may);
    },
  );

  it('reads classes as jsdom does: split on any white space, case-sensitive', () => {
    const tabbed = element('<span class="a\tb\u00a0c">x</span>');
    expect(mayMatchStyleRule('.b', tabbed)).toBe(true);
    expect(mayMatchStyleRule('.c', tabbed)).toBe(true);
    expect(mayMatchStyleRule('.B', tabbed)).toBe(false);
  });

  it('changes no computed style in the charter editor under Fluent’s style rules', async () => {
    const { form } = await renderEditor();
    // The field problems, in their colours, too.
    fireEvent.change(within(form).getByRole('textbox', { name: 'Outcome 1' }), { target: { value: '' } });
    fireEvent.submit(form);
    await screen.findByText('One field needs attention.');
    expect(document.querySelectorAll('style').length).toBeGreaterThan(10);

    const filtered = computedStyles();
    filterStyleRules(false);
    const unfiltered = computedStyles();

    expect(filtered.length).toBeGreaterThan(500);
    expect(filtered.some((style) => style.some((line) => line.startsWith('color: var(--')))).toBe(true);
    expect(filtered).toEqual(unfiltered);
  });
});
