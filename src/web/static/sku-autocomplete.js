// SKU autocomplete over GET /api/v1/products?q=: a list under the input showing SKU,
// description and unit; ArrowUp/Down move, Enter or click chooses, Escape closes.
import { api } from './api.js';
import { clear, debounce, h } from './dom.js';

export function skuAutocomplete(input, onChoose) {
  const list = h('ul', { class: 'suggest', role: 'listbox', hidden: true });
  input.after(list);
  input.setAttribute('role', 'combobox');
  let items = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    active = -1;
  };
  const choose = (p) => {
    close();
    onChoose(p);
  };
  const mark = () => {
    [...list.children].forEach((li, i) => {
      li.classList.toggle('active', i === active);
    });
  };

  const search = debounce(async () => {
    const q = input.value.trim();
    if (!q) return close();
    items = await api('GET', `/api/v1/products?q=${encodeURIComponent(q)}&limit=8`).catch(() => []);
    clear(list);
    for (const p of items) {
      list.append(
        h(
          'li',
          {
            role: 'option',
            onmousedown: (e) => {
              e.preventDefault();
              choose(p);
            },
          },
          h('span', { class: 'sku' }, p.sku),
          ' ',
          h('span', { class: 'desc' }, p.description),
          ' ',
          h('span', { class: 'unit' }, p.unit),
        ),
      );
    }
    active = items.length ? 0 : -1;
    mark();
    list.hidden = items.length === 0;
  }, 150);

  input.addEventListener('input', search);
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', (e) => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      mark();
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      e.stopPropagation();
      choose(items[active]);
    } else if (e.key === 'Escape') {
      close();
    }
  });
}
