// The order view: the page image (zoom, page switch) beside the editable draft. Low-confidence
// fields are highlighted; a line and its evidence box on the page highlight each other.
// Keys: Ctrl+S save, Ctrl+Enter confirm, J/K next/previous order (outside input fields).
import { ApiError, api } from './api.js';
import { deliveriesSection } from './deliveries.js';
import { clear, h } from './dom.js';
import { formatDateTime, statusText, t } from './i18n.js';
import { setKeys } from './queue.js';
import { skuAutocomplete } from './sku-autocomplete.js';

const LOW = 0.8;
const HEADER_FIELDS = [
  ['customerReference', 'text'],
  ['orderDate', 'date'],
  ['deliveryDate', 'date'],
  ['deliveryAddress', 'text'],
  ['remarks', 'text'],
];

export async function renderOrder(main, id, state) {
  const enc = encodeURIComponent(id);
  let order = await api('GET', `/api/v1/orders/${enc}`);
  const pages = await api('GET', `/api/v1/orders/${enc}/pages`).catch(() => []);
  const editable = order.status === 'needs_review';
  let lines = order.lines.map((l) => ({ ...l }));
  let dirty = false;
  let pageNo = lines.find((l) => l.evidence)?.evidence.page ?? 1;
  let zoom = 1;
  let selected = -1;
  // the evidence of the header field being edited, shown as a box on its page
  let fieldEvidence = null;

  const message = h('div', { class: 'message', id: 'message', role: 'status' });
  const say = (text, kind) => {
    clear(message);
    message.className = `message ${kind ?? ''}`;
    message.append(...[text].flat());
  };

  // ---- page viewer
  const img = h('img', { alt: t('page'), id: 'page-image' });
  const overlay = h('div', { class: 'overlay' });
  const frame = h('div', { class: 'frame' }, img, overlay);
  const pageSelect = h(
    'select',
    { id: 'page-select', onchange: () => showPage(Number(pageSelect.value)) },
    (pages.length ? pages : [{ page: 1 }]).map((p) =>
      h('option', { value: p.page }, `${t('page')} ${p.page}`),
    ),
  );
  const setZoom = (z) => {
    zoom = Math.min(4, Math.max(0.5, z));
    frame.style.width = `${zoom * 100}%`;
  };
  const viewer = h(
    'section',
    { class: 'viewer' },
    h(
      'div',
      { class: 'toolbar' },
      pageSelect,
      h('button', { type: 'button', title: t('zoomOut'), onclick: () => setZoom(zoom / 1.25) }, '−'),
      h('button', { type: 'button', title: t('zoomIn'), onclick: () => setZoom(zoom * 1.25) }, '+'),
      h('a', { href: `/api/v1/orders/${enc}/original`, download: '' }, t('document')),
    ),
    h('div', { class: 'scroller' }, frame),
  );

  function showPage(n) {
    pageNo = n;
    pageSelect.value = String(n);
    const info = pages.find((p) => p.page === n);
    if (info && !info.hasImage) {
      img.removeAttribute('src');
      img.alt = t('noImage');
    } else {
      img.src = `/api/v1/orders/${enc}/pages/${n}.png`;
    }
    drawBoxes();
  }

  function drawBoxes() {
    clear(overlay);
    const info = pages.find((p) => p.page === pageNo);
    if (!info) return;
    lines.forEach((l, i) => {
      const box = l.evidence?.page === pageNo ? l.evidence.box : null;
      if (!box) return;
      const [x, y, w, hgt] = box;
      const el = h('div', {
        class: `box${i === selected ? ' selected' : ''}${l.confidence < LOW ? ' low' : ''}`,
        title: l.evidence.text,
        dataset: { line: String(i) },
        onclick: () => select(i, false),
      });
      el.style.left = `${(x / info.width) * 100}%`;
      el.style.top = `${(y / info.height) * 100}%`;
      el.style.width = `${(w / info.width) * 100}%`;
      el.style.height = `${(hgt / info.height) * 100}%`;
      overlay.append(el);
    });
    if (fieldEvidence?.box && fieldEvidence.page === pageNo) {
      const [x, y, w, hgt] = fieldEvidence.box;
      const el = h('div', { class: 'box field selected', title: fieldEvidence.text });
      el.style.left = `${(x / info.width) * 100}%`;
      el.style.top = `${(y / info.height) * 100}%`;
      el.style.width = `${(w / info.width) * 100}%`;
      el.style.height = `${(hgt / info.height) * 100}%`;
      overlay.append(el);
    }
  }

  function select(i, fromLine) {
    selected = i;
    const ev = lines[i]?.evidence;
    if (ev && ev.page !== pageNo) showPage(ev.page);
    else drawBoxes();
    for (const tr of linesBody.querySelectorAll('tr'))
      tr.classList.toggle('selected', Number(tr.dataset.line) === i);
    if (!fromLine) linesBody.querySelector(`tr[data-line="${i}"]`)?.scrollIntoView({ block: 'nearest' });
    overlay.querySelector('.box.selected')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  // ---- header fields
  const inputs = {};
  const headerRows = HEADER_FIELDS.map(([field, type]) => {
    const info = order.fields?.[field] ?? null;
    const input = h('input', {
      id: `f-${field}`,
      type,
      value: order[field] ?? '',
      disabled: !editable,
      class: info && info.confidence < LOW ? 'low' : null,
      title: info?.evidence?.text ?? '',
      oninput: () => {
        dirty = true;
      },
      onfocus: () => {
        // show where the field was read, beside the input
        fieldEvidence = info?.evidence ?? null;
        if (fieldEvidence && fieldEvidence.page !== pageNo) showPage(fieldEvidence.page);
        else drawBoxes();
      },
    });
    inputs[field] = input;
    return h('label', {}, t(field), input);
  });
  const customerInput = h('input', {
    id: 'f-customer',
    value: order.customer?.id ?? '',
    class: (order.customer?.confidence ?? 0) < LOW ? 'low' : null,
    disabled: !editable,
    placeholder: 'C-…',
  });
  const customerName = h(
    'span',
    { class: 'customer-name', id: 'customer-name' },
    order.customer?.name ?? '—',
  );
  const customerList = h('datalist', { id: 'customer-options' });
  customerInput.setAttribute('list', 'customer-options');
  customerInput.addEventListener('input', async () => {
    const q = customerInput.value.trim();
    if (!q) return;
    const found = await api('GET', `/api/v1/customers?q=${encodeURIComponent(q)}`).catch(() => []);
    clear(customerList);
    for (const c of found) customerList.append(h('option', { value: c.id }, `${c.name} ${c.city ?? ''}`));
  });
  const reassign = h(
    'button',
    {
      type: 'button',
      disabled: !editable,
      onclick: async () => {
        try {
          order = await api('POST', `/api/v1/orders/${enc}/customer`, {
            body: { customerId: customerInput.value.trim() },
            ifMatch: order.version,
          });
          customerName.textContent = order.customer.name ?? '—';
          customerInput.classList.remove('low');
          say(t('saved'), 'ok');
          renderAudit();
        } catch (err) {
          handleError(err);
        }
      },
    },
    t('reassign'),
  );

  // ---- lines
  const linesBody = h('tbody', { id: 'lines' });
  function renderLines() {
    clear(linesBody);
    lines.forEach((l, i) => {
      const low = l.confidence < LOW;
      const cell = (field, type, attrs) => {
        const input = h('input', {
          class: `${field}${low && (field === 'sku' || field === 'quantity') && l[field] !== null ? ' low' : ''}${l[field] === null && (field === 'sku' || field === 'quantity') ? ' missing' : ''}`,
          type,
          value: l[field] ?? '',
          disabled: !editable,
          'aria-label': `${t(field)} ${i + 1}`,
          ...attrs,
          oninput: (e) => {
            const v = e.target.value;
            l[field] = type === 'number' ? (v === '' ? null : Number(v)) : v === '' ? null : v;
            // another article or unit: the stated pack content no longer applies
            if (field === 'sku' || field === 'unit') l.conversion = null;
            l.matchedBy = 'manual';
            dirty = true;
          },
        });
        return h('td', {}, input);
      };
      const skuCell = cell('sku', 'text', { autocomplete: 'off' });
      if (editable)
        skuAutocomplete(skuCell.firstChild, (p) => {
          l.sku = p.sku;
          l.description = p.description;
          l.unit = p.unit;
          l.conversion = null;
          if (l.unitPrice === null && p.price !== null) l.unitPrice = p.price;
          l.matchedBy = 'manual';
          l.confidence = 1;
          dirty = true;
          renderLines();
          linesBody.querySelector(`tr[data-line="${i}"] input.quantity`)?.focus();
        });
      linesBody.append(
        h(
          'tr',
          {
            dataset: { line: String(i) },
            class: `${low ? 'low-row' : ''}${i === selected ? ' selected' : ''}`,
            onfocusin: () => select(i, true),
            onclick: () => select(i, true),
          },
          h('td', { class: 'num' }, String(i + 1)),
          skuCell,
          cell('description', 'text'),
          cell('quantity', 'number', { step: 'any', min: 0 }),
          cell('unit', 'text', {
            size: 5,
            // "2 Kartons à 12 Stk" of an article sold per Stk
            title: l.conversion ? `1 ${l.unit} = ${l.conversion.factor} ${l.conversion.unit}` : '',
          }),
          cell('unitPrice', 'number', { step: 'any', min: 0 }),
          h(
            'td',
            { class: low ? 'num low' : 'num', title: l.evidence?.text ?? '' },
            `${Math.round(l.confidence * 100)} %`,
          ),
          h(
            'td',
            { class: 'line-actions' },
            editable
              ? [
                  h('button', { type: 'button', title: t('moveUp'), onclick: () => move(i, -1) }, '↑'),
                  h('button', { type: 'button', title: t('moveDown'), onclick: () => move(i, 1) }, '↓'),
                  h('button', { type: 'button', title: t('removeLine'), onclick: () => remove(i) }, '×'),
                ]
              : null,
          ),
        ),
      );
    });
    drawBoxes();
  }
  function move(i, d) {
    const j = i + d;
    if (j < 0 || j >= lines.length) return;
    [lines[i], lines[j]] = [lines[j], lines[i]];
    dirty = true;
    selected = j;
    renderLines();
  }
  function remove(i) {
    lines.splice(i, 1);
    dirty = true;
    selected = -1;
    renderLines();
  }
  function addLine() {
    lines.push({
      sku: null,
      customerSku: null,
      gtin: null,
      description: null,
      quantity: null,
      unit: null,
      unitPrice: null,
      matchedBy: 'manual',
      confidence: 1,
      evidence: null,
    });
    dirty = true;
    renderLines();
    linesBody.lastChild?.querySelector('input.sku')?.focus();
  }

  // ---- save / confirm / reject
  function changes() {
    const body = { lines: lines.map(({ position: _p, ...l }) => l) };
    for (const [field] of HEADER_FIELDS)
      body[field] = inputs[field].value === '' ? null : inputs[field].value;
    return body;
  }
  async function save() {
    if (!dirty) return order;
    order = await api('PATCH', `/api/v1/orders/${enc}`, { body: changes(), ifMatch: order.version });
    lines = order.lines.map((l) => ({ ...l }));
    dirty = false;
    renderLines();
    renderAudit();
    return order;
  }
  function handleError(err) {
    if (err instanceof ApiError && err.status === 409 && err.code === 'CONFLICT') {
      say(
        [
          t('conflict'),
          ' ',
          h('button', { type: 'button', id: 'reload', onclick: () => location.reload() }, t('reload')),
        ],
        'conflict',
      );
    } else {
      say(`${t('error')}: ${err.message}`, 'error');
    }
  }
  async function doSave() {
    try {
      await save();
      say(t('saved'), 'ok');
    } catch (err) {
      handleError(err);
    }
  }
  async function doConfirm() {
    try {
      await save();
      order = await api('POST', `/api/v1/orders/${enc}/confirm`, { ifMatch: order.version });
      say(t('confirmed'), 'ok');
      next(1, true);
    } catch (err) {
      handleError(err);
    }
  }
  const reasonInput = h('input', {
    id: 'reject-reason',
    placeholder: t('rejectReason'),
    disabled: !editable,
  });
  async function doReject() {
    if (!reasonInput.value.trim()) return reasonInput.focus();
    try {
      order = await api('POST', `/api/v1/orders/${enc}/reject`, {
        body: { reason: reasonInput.value.trim() },
        ifMatch: order.version,
      });
      say(t('rejected'), 'ok');
      next(1, true);
    } catch (err) {
      handleError(err);
    }
  }
  function next(step, afterDone) {
    const ids = state.queueIds;
    const i = ids.indexOf(id);
    const target = i >= 0 ? ids[i + step] : afterDone ? undefined : ids[0];
    if (afterDone && i >= 0) ids.splice(i, 1);
    if (target) location.hash = `#/order/${encodeURIComponent(target)}`;
    else if (afterDone) location.hash = '#/';
  }

  // ---- audit trail
  const auditList = h('ol', { class: 'audit', id: 'audit' });
  async function renderAudit() {
    const events = await api('GET', `/api/v1/orders/${enc}/audit`).catch(() => []);
    clear(auditList);
    for (const e of events) {
      const detail =
        e.field && e.field !== 'lines'
          ? `${e.field}: ${JSON.stringify(e.before)} → ${JSON.stringify(e.after)}`
          : (e.field ?? '');
      auditList.append(
        h('li', {}, h('time', {}, formatDateTime(e.at)), ` ${e.actor} · ${e.action} `, detail),
      );
    }
  }

  const draft = h(
    'section',
    { class: 'draft' },
    h(
      'div',
      { class: 'order-head' },
      h('h2', {}, order.customer?.name ?? order.customer?.id ?? '—'),
      h('span', { class: `badge ${order.status}`, id: 'order-status' }, statusText(order.status)),
      h(
        'span',
        { class: 'meta' },
        `${order.source?.channel ?? ''} ${order.source?.from ?? ''} · ${formatDateTime(order.source?.receivedAt)}`,
      ),
    ),
    editable ? null : h('p', { class: 'note' }, t('readOnly')),
    order.failureReason ? h('p', { class: 'error' }, order.failureReason) : null,
    message,
    h(
      'div',
      { class: 'fields' },
      h('label', {}, t('customer'), customerInput, customerList),
      customerName,
      reassign,
      headerRows,
    ),
    order.warnings.length
      ? h(
          'div',
          { class: 'warnings', id: 'warnings' },
          h('h3', {}, t('warnings')),
          h(
            'ul',
            {},
            order.warnings.map((w) => h('li', {}, w)),
          ),
        )
      : null,
    h('h3', {}, t('lines')),
    h(
      'table',
      { class: 'lines' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [
            '#',
            t('sku'),
            t('description'),
            t('quantity'),
            t('unit'),
            t('unitPrice'),
            t('confidence'),
            '',
          ].map((c) => h('th', {}, c)),
        ),
      ),
      linesBody,
    ),
    editable ? h('button', { type: 'button', id: 'add-line', onclick: addLine }, t('addLine')) : null,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', id: 'save', disabled: !editable, onclick: doSave }, t('save')),
      h(
        'button',
        { type: 'button', id: 'confirm', class: 'primary', disabled: !editable, onclick: doConfirm },
        t('confirm'),
      ),
      reasonInput,
      h('button', { type: 'button', id: 'reject', disabled: !editable, onclick: doReject }, t('reject')),
    ),
    h('p', { class: 'hint' }, t('keys')),
    editable ? null : deliveriesSection(id),
    h('h3', {}, t('audit')),
    auditList,
  );

  main.append(h('div', { class: 'order-view' }, viewer, draft));
  renderLines();
  showPage(pageNo);
  renderAudit();

  setKeys((e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      if (editable) doConfirm();
    } else if ((e.ctrlKey || e.metaKey) && e.key === 's') {
      e.preventDefault();
      if (editable) doSave();
    } else if (e.key === 'Enter' && e.target === reasonInput) {
      e.preventDefault();
      doReject();
    } else if (e.key === 'Enter' && e.target instanceof HTMLInputElement && draft.contains(e.target)) {
      // Enter moves to the next field, like Tab (the autocomplete handles its own Enter first).
      e.preventDefault();
      const fields = [...draft.querySelectorAll('input:not([disabled])')];
      fields[fields.indexOf(e.target) + (e.shiftKey ? -1 : 1)]?.focus();
    } else if (!(e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName))) {
      if (e.key === 'j') next(1, false);
      else if (e.key === 'k') next(-1, false);
    }
  });
  (editable
    ? (linesBody.querySelector('input.missing, input.low') ?? inputs.customerReference)
    : null
  )?.focus();
}
