// The clerk's desk: a small single-page app over the review API. Hash routes:
// #/ queue, #/order/<id>, #/failed, #/master-data. Everything is rendered with dom.js (text only).
import { ApiError, api, setCsrf } from './api.js';
import { clear, h } from './dom.js';
import { getLocale, setLocale, t } from './i18n.js';
import { renderMasterData } from './master-data.js';
import { renderOrder } from './order.js';
import { renderFailed, renderQueue } from './queue.js';

const root = document.getElementById('app');
const state = { me: null, queueIds: [], counts: {} };

function navLink(href, label, extra) {
  const active = (location.hash || '#/') === href || (href !== '#/' && location.hash.startsWith(href));
  return h(
    'a',
    { href, class: active ? 'active' : null },
    label,
    extra ? h('span', { class: 'count' }, extra) : null,
  );
}

async function renderShell(view) {
  clear(root);
  const me = state.me;
  state.counts = await api('GET', '/api/v1/orders/counts').catch(() => ({}));
  const header = h(
    'header',
    { class: 'top' },
    h('strong', { class: 'brand' }, 'faxgate'),
    h(
      'nav',
      {},
      navLink('#/', t('queue'), String(state.counts.needs_review ?? '')),
      navLink('#/failed', t('failed'), state.counts.failed ? String(state.counts.failed) : null),
      me.user.role === 'admin' ? navLink('#/master-data', t('masterData')) : null,
    ),
    h('span', { class: 'spacer' }),
    h('span', { class: 'user' }, me.user.username),
    h(
      'button',
      {
        type: 'button',
        class: 'link',
        id: 'lang',
        onclick: async () => {
          const locale = getLocale() === 'de' ? 'en' : 'de';
          state.me = await api('PATCH', '/api/v1/auth/me', { body: { locale } });
          setLocale(locale);
          route();
        },
      },
      t('language'),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'link',
        id: 'logout',
        onclick: async () => {
          await api('POST', '/api/v1/auth/logout');
          state.me = null;
          setCsrf(null);
          location.hash = '#/';
          start();
        },
      },
      t('logout'),
    ),
  );
  const main = h('main', { id: 'main' });
  root.append(header, main);
  await view(main);
}

function renderLogin(message) {
  clear(root);
  const user = h('input', { name: 'username', id: 'username', autocomplete: 'username', required: true });
  const pass = h('input', {
    name: 'password',
    id: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const msg = h('p', { class: 'error', role: 'alert' }, message ?? '');
  const form = h(
    'form',
    {
      class: 'login',
      onsubmit: async (e) => {
        e.preventDefault();
        try {
          const me = await api('POST', '/api/v1/auth/login', {
            body: { username: user.value, password: pass.value },
          });
          signedIn(me);
        } catch (err) {
          msg.textContent = `${t('loginFailed')}: ${err.message}`;
        }
      },
    },
    h('h1', {}, 'faxgate · ', t('title')),
    h('label', {}, t('username'), user),
    h('label', {}, t('password'), pass),
    h('button', { type: 'submit', class: 'primary' }, t('login')),
    msg,
  );
  root.append(form);
  user.focus();
}

function renderChangePassword() {
  clear(root);
  const current = h('input', { id: 'current-password', type: 'password', autocomplete: 'current-password' });
  const next = h('input', { id: 'new-password', type: 'password', autocomplete: 'new-password' });
  const msg = h('p', { class: 'error', role: 'alert' });
  root.append(
    h(
      'form',
      {
        class: 'login',
        onsubmit: async (e) => {
          e.preventDefault();
          try {
            signedIn(
              await api('POST', '/api/v1/auth/password', {
                body: { currentPassword: current.value, newPassword: next.value },
              }),
            );
          } catch (err) {
            msg.textContent = err.message;
          }
        },
      },
      h('h1', {}, t('changePassword')),
      h('label', {}, t('currentPassword'), current),
      h('label', {}, t('newPassword'), next),
      h('button', { type: 'submit', class: 'primary' }, t('save')),
      msg,
    ),
  );
  current.focus();
}

function signedIn(me) {
  state.me = me;
  setCsrf(me.csrfToken);
  setLocale(me.user.locale);
  if (me.user.mustChangePassword) renderChangePassword();
  else route();
}

async function route() {
  if (!state.me) return start();
  const hash = location.hash || '#/';
  try {
    const order = /^#\/order\/(.+)$/.exec(hash);
    if (order) {
      await renderShell((main) => renderOrder(main, decodeURIComponent(order[1]), state));
    } else if (hash.startsWith('#/failed')) {
      await renderShell((main) => renderFailed(main, state));
    } else if (hash.startsWith('#/master-data')) {
      await renderShell((main) => renderMasterData(main));
    } else {
      await renderShell((main) => renderQueue(main, state));
    }
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      state.me = null;
      renderLogin();
      return;
    }
    const main = document.getElementById('main') ?? root;
    main.append(h('p', { class: 'error', role: 'alert' }, `${t('error')}: ${err.message}`));
  }
}

async function start() {
  try {
    signedIn(await api('GET', '/api/v1/auth/me'));
  } catch {
    renderLogin();
  }
}

window.addEventListener('hashchange', route);
start();
