/**
 * A private dovecot (Debian's dovecot-imapd) on loopback for IMAP tests, per STACK-NOTES: its own
 * config file, plaintext login on a free high port, a passwd-file user, maildir under a temp
 * folder owned by `dovecot`. Needs root (dovecot drops privileges itself) and /usr/sbin/dovecot
 * (`scripts/test-services.sh` installs dovecot-imapd). `stop()` ends it and removes the folder.
 *
 *   const imap = await startDovecot();   // imap.url = imap://faxgate:secret@127.0.0.1:PORT/INBOX?starttls=off
 *   ...
 *   await imap.stop();
 *
 * Options: `tls` — only an implicit-TLS listener (imaps) with `ssl = required` and the given PEM
 * certificate and key (selfSignedCert() makes one); `oauth2` — logins by XOAUTH2 only, each token
 * checked by POSTing it to `introspectionUrl` (dovecot's oauth2 passdb, introspection_mode = post),
 * which must answer `{"active": true, "username": "<user>"}` for a good token.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';

export const DOVECOT_BIN = '/usr/sbin/dovecot';
export const dovecotAvailable = existsSync(DOVECOT_BIN) && process.getuid?.() === 0;

export interface DovecotOptions {
  tls?: { certFile: string; keyFile: string };
  oauth2?: { introspectionUrl: string };
}

export interface Dovecot {
  host: string;
  port: number;
  /** true with the `tls` option: the port speaks TLS from the first byte (imaps). */
  secure: boolean;
  user: string;
  password: string;
  /** imap[s]://user:password@127.0.0.1:port/<folder> (no password with `oauth2`) */
  url(folder?: string): string;
  /** The server's log (login failures, TLS and oauth2 errors), for a failing test's message. */
  log(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A self-signed certificate for 127.0.0.1 and localhost, valid one day, written to `dir`
 * (cert.pem, key.pem) with openssl. The subjectAltName matters: a client connecting to an IP
 * literal checks the certificate's IP entries, not the CN.
 */
export async function selfSignedCert(
  dir: string,
): Promise<{ certFile: string; keyFile: string; pem: string }> {
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  await runOk('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-days',
    '1',
    '-keyout',
    keyFile,
    '-out',
    certFile,
  ]);
  return { certFile, keyFile, pem: await readFile(certFile, 'utf8') };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Resolves once the server greets with "* OK" (after a TLS handshake on an imaps port). */
function waitForGreeting(port: number, timeoutMs: number, overTls: boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      // only a readiness probe: the certificate is checked by the client under test
      const sock = overTls
        ? tls.connect({ port, host: '127.0.0.1', rejectUnauthorized: false })
        : net.connect(port, '127.0.0.1');
      sock.once('data', (d) => {
        sock.destroy();
        if (d.toString().startsWith('* OK')) resolve();
        else retry(new Error(`unexpected greeting ${d.toString().slice(0, 80)}`));
      });
      sock.once('error', retry);
    };
    const retry = (err: Error) => {
      if (Date.now() > deadline) return reject(new Error(`dovecot did not come up: ${err.message}`));
      setTimeout(attempt, 50);
    };
    attempt();
  });
}

export async function startDovecot(opts: DovecotOptions = {}): Promise<Dovecot> {
  if (!dovecotAvailable) throw new Error(`${DOVECOT_BIN} missing or not root: run scripts/test-services.sh`);
  const dir = await mkdtemp(path.join(tmpdir(), 'faxgate-dovecot-'));
  await chmod(dir, 0o755); // dovecot's unprivileged processes must traverse it
  const mail = path.join(dir, 'mail');
  const base = path.join(dir, 'run');
  await mkdir(mail, { recursive: true });
  await mkdir(base, { recursive: true });
  const port = await freePort();
  const user = 'faxgate';
  const password = 'secret';
  await writeFile(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`);
  const conf = path.join(dir, 'dovecot.conf');
  const passdb = opts.oauth2
    ? ['passdb {', '  driver = oauth2', `  args = ${path.join(dir, 'dovecot-oauth2.conf.ext')}`, '}']
    : ['passdb {', '  driver = passwd-file', `  args = ${path.join(dir, 'passwd')}`, '}'];
  if (opts.oauth2) {
    await writeFile(
      path.join(dir, 'dovecot-oauth2.conf.ext'),
      [
        `introspection_url = ${opts.oauth2.introspectionUrl}`,
        'introspection_mode = post',
        'username_attribute = username',
        'active_attribute = active',
        'active_value = true',
        '',
      ].join('\n'),
    );
  }
  const ssl = opts.tls
    ? ['ssl = required', `ssl_cert = <${opts.tls.certFile}`, `ssl_key = <${opts.tls.keyFile}`]
    : ['ssl = no'];
  await writeFile(
    conf,
    [
      'protocols = imap',
      'listen = 127.0.0.1',
      `base_dir = ${base}`,
      `state_dir = ${path.join(dir, 'state')}`,
      `log_path = ${path.join(dir, 'dovecot.log')}`,
      ...ssl,
      'disable_plaintext_auth = no',
      'auth_failure_delay = 0', // tests log in wrongly on purpose; 2 s each would only slow them
      `auth_mechanisms = ${opts.oauth2 ? 'xoauth2 oauthbearer' : 'plain login'}`,
      'default_login_user = dovenull',
      'default_internal_user = dovecot',
      'first_valid_uid = 1',
      `mail_location = maildir:${mail}/%u`,
      ...passdb,
      'userdb {',
      '  driver = static',
      `  args = uid=dovecot gid=dovecot home=${mail}/%u`,
      '}',
      'service imap-login {',
      '  inet_listener imap {',
      `    port = ${opts.tls ? 0 : port}`,
      '  }',
      '  inet_listener imaps {',
      `    port = ${opts.tls ? port : 0}`,
      ...(opts.tls ? ['    ssl = yes'] : []),
      '  }',
      '}',
      'service anvil {',
      '  chroot =',
      '}',
      '',
    ].join('\n'),
  );
  await mkdir(path.join(dir, 'state'), { recursive: true });
  await runOk('chown', ['-R', 'dovecot:dovecot', mail]);
  const proc: ChildProcess = spawn(DOVECOT_BIN, ['-F', '-c', conf], { stdio: 'ignore' });
  try {
    await waitForGreeting(port, 10_000, opts.tls !== undefined);
  } catch (err) {
    proc.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const scheme = opts.tls ? 'imaps' : 'imap';
  const userinfo = opts.oauth2 ? user : `${user}:${password}`;
  return {
    host: '127.0.0.1',
    port,
    secure: opts.tls !== undefined,
    user,
    password,
    url: (folder = 'INBOX') =>
      `${scheme}://${userinfo}@127.0.0.1:${port}/${encodeURIComponent(folder)}${scheme === 'imap' ? '?starttls=off' : ''}`,
    log: () => readFile(path.join(dir, 'dovecot.log'), 'utf8').catch(() => ''),
    async stop() {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function runOk(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: 'ignore' });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}`))));
    p.on('error', reject);
  });
}
