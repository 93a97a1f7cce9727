// Master-data import (admins): choose a CSV, see a preview of its first rows and the counts of
// changes (a dry run on the server), then import.
import { api } from './api.js';
import { clear, h } from './dom.js';
import { t } from './i18n.js';
import { setKeys } from './queue.js';

const KINDS = [
  ['products', 'products'],
  ['customers', 'customers'],
  ['customer-skus', 'customerSkus'],
];

/** The first rows for the preview table; a naive split is enough to let a human eyeball columns. */
function previewRows(text, n) {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, n)
    .map((l) => l.split(','));
}

export async function renderMasterData(main) {
  setKeys(null);
  main.append(h('h2', {}, t('masterData')));
  for (const [kind, label] of KINDS) {
    const file = h('input', { type: 'file', accept: '.csv,text/csv', id: `file-${kind}` });
    const result = h('div', { class: 'result', id: `result-${kind}` });
    let text = null;
    const importBtn = h(
      'button',
      {
        type: 'button',
        class: 'primary',
        id: `import-${kind}`,
        disabled: true,
        onclick: async () => {
          try {
            const counts = await api('PUT', `/api/v1/master-data/${kind}`, { csv: text });
            clear(result).append(h('p', { class: 'ok' }, t('importDone'), ' ', countsText(counts)));
            importBtn.disabled = true;
          } catch (err) {
            clear(result).append(h('p', { class: 'error' }, err.message));
          }
        },
      },
      t('import'),
    );
    file.addEventListener('change', async () => {
      importBtn.disabled = true;
      clear(result);
      const f = file.files?.[0];
      if (!f) return;
      text = await f.text();
      try {
        const counts = await api('PUT', `/api/v1/master-data/${kind}?dryRun=1`, { csv: text });
        const rows = previewRows(text, 6);
        result.append(
          h('p', { class: 'counts' }, `${t('preview')}: `, countsText(counts)),
          h(
            'table',
            { class: 'preview' },
            rows.map((r, i) =>
              h(
                'tr',
                {},
                r.map((c) => h(i === 0 ? 'th' : 'td', {}, c)),
              ),
            ),
          ),
          h('p', { class: 'hint' }, t('previewNote')),
        );
        importBtn.disabled = false;
      } catch (err) {
        result.append(h('p', { class: 'error' }, err.message));
      }
    });
    main.append(h('section', { class: 'import' }, h('h3', {}, t(label)), file, importBtn, result));
  }
}

function countsText(c) {
  return `${c.inserted} ${t('inserted')}, ${c.updated} ${t('updated')}, ${c.deleted} ${t('deleted')}`;
}
