// The "Deliveries" list of the order view: the ERP push and the confirmation to the customer,
// each with its status, attempts and last error, and a Re-send button. All text goes in through
// h() as text nodes: an error message quoting a receiver's answer is shown, never parsed.
import { api } from './api.js';
import { clear, h } from './dom.js';
import { formatDateTime, t } from './i18n.js';

/** Returns the section; it loads itself and reloads after a re-send. */
export function deliveriesSection(orderId) {
  const enc = encodeURIComponent(orderId);
  const list = h('ul', { class: 'deliveries', id: 'deliveries' });
  const note = h('p', { class: 'message', role: 'status' });
  const section = h(
    'section',
    { class: 'deliveries-section', hidden: true },
    h('h3', {}, t('deliveries')),
    note,
    list,
  );

  async function resend(d, button) {
    button.disabled = true;
    try {
      await api('POST', `/api/v1/orders/${enc}/deliveries/${encodeURIComponent(d.id)}/resend`);
      note.className = 'message ok';
      note.textContent = t('resent');
      await load();
    } catch (err) {
      note.className = 'message error';
      note.textContent = `${t('error')}: ${err.message}`;
      button.disabled = false;
    }
  }

  function item(d) {
    const kind = t('deliveryKinds')[d.kind] ?? d.kind;
    const status = t('deliveryStatuses')[d.status] ?? d.status;
    const button = h(
      'button',
      { type: 'button', class: 'resend', disabled: d.status === 'pending' },
      t('resend'),
    );
    button.addEventListener('click', () => resend(d, button));
    return h(
      'li',
      { class: `delivery ${d.status}`, dataset: { id: d.id, kind: d.kind, status: d.status } },
      h('span', { class: `badge ${d.status}` }, status),
      ` ${kind} · ${d.channel}${d.target ? ` ${d.target}` : ''} · ${d.attempts} ${t('attempts')}`,
      d.lastAttemptAt ? [' · ', h('time', {}, formatDateTime(d.lastAttemptAt))] : null,
      d.lastError ? h('div', { class: 'reason delivery-error' }, d.lastError) : null,
      button,
    );
  }

  async function load() {
    const res = await api('GET', `/api/v1/orders/${enc}/deliveries`).catch(() => ({ items: [] }));
    clear(list);
    for (const d of res.items) list.append(item(d));
    // Drafts have nothing sent yet: the heading appears only when there is something to show.
    section.hidden = res.items.length === 0;
  }

  load();
  return section;
}
