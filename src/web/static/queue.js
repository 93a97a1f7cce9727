// The queue (oldest first) and the failed documents, with keyboard navigation:
// J/K or arrow keys move the selection, Enter opens the order.
import { api } from './api.js';
import { clear, h } from './dom.js';
import { formatAge, formatDateTime, statusText, t } from './i18n.js';

const STATUSES = ['needs_review', 'confirmed', 'exported', 'rejected', 'failed'];
const LOW = 0.8;

const pct = (c) => `${Math.round((c ?? 0) * 100)} %`;

function docLabel(o) {
  return o.document?.subject ?? o.document?.filename ?? '';
}

let keyHandler = null;
/** One list-level key handler at a time (views replace each other). */
export function setKeys(fn) {
  if (keyHandler) document.removeEventListener('keydown', keyHandler);
  keyHandler = fn;
  if (fn) document.addEventListener('keydown', fn);
}

const typing = (e) => e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);

function tableKeys(tbody, open) {
  return (e) => {
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    const rows = [...tbody.querySelectorAll('tr[data-id]')];
    if (rows.length === 0) return;
    let i = rows.findIndex((r) => r.classList.contains('selected'));
    if (e.key === 'j' || e.key === 'ArrowDown') i = Math.min(rows.length - 1, i + 1);
    else if (e.key === 'k' || e.key === 'ArrowUp') i = Math.max(0, i - 1);
    else if (e.key === 'Enter' && i >= 0) return open(rows[i].dataset.id);
    else return;
    e.preventDefault();
    for (const r of rows) r.classList.remove('selected');
    rows[i].classList.add('selected');
    rows[i].scrollIntoView({ block: 'nearest' });
  };
}

export async function renderQueue(main, state) {
  const saved = state.filter ?? { status: 'needs_review' };
  const status = h(
    'select',
    { id: 'f-status' },
    h('option', { value: '' }, t('allStatuses')),
    STATUSES.map((s) => h('option', { value: s, selected: saved.status === s }, statusText(s))),
  );
  const customer = h('input', { id: 'f-customer', value: saved.customer ?? '', size: 16 });
  const from = h('input', { id: 'f-from', type: 'date', value: saved.receivedFrom ?? '' });
  const to = h('input', { id: 'f-to', type: 'date', value: saved.receivedTo ?? '' });
  const maxConf = h('input', {
    id: 'f-maxconf',
    type: 'number',
    min: 0,
    max: 100,
    step: 5,
    value: saved.maxConfidence ?? '',
    size: 4,
  });
  const tbody = h('tbody');
  const more = h('button', { type: 'button', hidden: true }, t('more'));
  const open = (id) => {
    location.hash = `#/order/${encodeURIComponent(id)}`;
  };
  let cursor = null;

  function query() {
    const q = new URLSearchParams({ limit: '50' });
    if (status.value) q.set('status', status.value);
    if (customer.value.trim()) q.set('customer', customer.value.trim());
    if (from.value) q.set('receivedFrom', from.value);
    if (to.value) q.set('receivedTo', to.value);
    if (maxConf.value !== '') q.set('maxConfidence', String(Number(maxConf.value) / 100));
    if (cursor) q.set('cursor', cursor);
    return q;
  }

  async function load(reset) {
    if (reset) {
      cursor = null;
      state.queueIds = [];
      clear(tbody);
      state.filter = {
        status: status.value,
        customer: customer.value,
        receivedFrom: from.value,
        receivedTo: to.value,
        maxConfidence: maxConf.value,
      };
    }
    const page = await api('GET', `/api/v1/orders?${query()}`);
    for (const o of page.items) {
      state.queueIds.push(o.id);
      tbody.append(
        h(
          'tr',
          { dataset: { id: o.id }, class: o.confidence < LOW ? 'low-row' : null, onclick: () => open(o.id) },
          h(
            'td',
            { title: formatDateTime(o.source?.receivedAt ?? o.createdAt) },
            formatAge(o.source?.receivedAt ?? o.createdAt),
          ),
          h('td', {}, h('span', { class: `badge ${o.status}` }, statusText(o.status))),
          h('td', { class: 'customer' }, o.customer?.name ?? o.customer?.id ?? '—'),
          h('td', {}, o.source?.channel ?? ''),
          h('td', { class: 'num' }, String(o.source?.pages ?? '')),
          h('td', { class: o.confidence < LOW ? 'num low' : 'num' }, pct(o.confidence)),
          h('td', { class: 'doc' }, docLabel(o)),
        ),
      );
    }
    if (tbody.children.length === 0) tbody.append(h('tr', {}, h('td', { colspan: 7 }, t('empty'))));
    const first = tbody.querySelector('tr[data-id]');
    if (reset && first) first.classList.add('selected');
    cursor = page.nextCursor;
    more.hidden = !cursor;
  }

  more.addEventListener('click', () => load(false));
  main.append(
    h(
      'form',
      {
        class: 'filters',
        onsubmit: (e) => {
          e.preventDefault();
          load(true);
        },
      },
      h('label', {}, t('status'), status),
      h('label', {}, t('customer'), customer),
      h('label', {}, t('receivedFrom'), from),
      h('label', {}, t('receivedTo'), to),
      h('label', {}, t('maxConfidence'), maxConf, ' %'),
      h('button', { type: 'submit' }, t('filter')),
    ),
    h(
      'table',
      { class: 'queue', id: 'queue' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [
            t('age'),
            t('status'),
            t('customer'),
            t('channel'),
            t('pages'),
            t('confidence'),
            t('document'),
          ].map((c) => h('th', {}, c)),
        ),
      ),
      tbody,
    ),
    more,
    h('p', { class: 'hint' }, t('keys')),
  );
  setKeys(tableKeys(tbody, open));
  await load(true);
}

export async function renderFailed(main) {
  const tbody = h('tbody');
  main.append(
    h('h2', {}, t('failed')),
    h(
      'table',
      { class: 'queue', id: 'failed' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [t('received'), t('channel'), t('from'), t('document'), t('reason'), ''].map((c) => h('th', {}, c)),
        ),
      ),
      tbody,
    ),
  );
  setKeys(null);
  const page = await api('GET', '/api/v1/orders?status=failed&limit=100');
  for (const o of page.items) {
    const note = h('span', { class: 'note' });
    const retry = h(
      'button',
      {
        type: 'button',
        class: 'retry',
        onclick: async () => {
          retry.disabled = true;
          try {
            await api('POST', `/api/v1/orders/${encodeURIComponent(o.id)}/reprocess`);
            note.textContent = t('retried');
          } catch (err) {
            note.textContent = err.message;
            retry.disabled = false;
          }
        },
      },
      t('retry'),
    );
    tbody.append(
      h(
        'tr',
        { dataset: { id: o.id } },
        h('td', {}, formatDateTime(o.source?.receivedAt ?? o.createdAt)),
        h('td', {}, o.source?.channel ?? ''),
        h('td', {}, o.source?.from ?? ''),
        h('td', { class: 'doc' }, docLabel(o)),
        h('td', { class: 'reason' }, o.failureReason ?? ''),
        h('td', {}, retry, note),
      ),
    );
  }
  if (page.items.length === 0) tbody.append(h('tr', {}, h('td', { colspan: 6 }, t('empty'))));
}
