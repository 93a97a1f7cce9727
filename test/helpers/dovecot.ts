/**
 * A private dovecot (Debian's dovecot-imapd) on loopback for IMAP tests, per STACK-NOTES: its own
 * config file, plaintext login on a free high port, a passwd-file user, maildir under a temp
 * folder owned by `dovecot`. Needs root (dovecot drops privileges itself) and /usr/sbin/dovecot
 * (`scripts/test-services.sh` installs dovecot-imapd). `stop()` ends it and removes the folder.
 *
 *   const imap = await startDovecot();   // imap.url = imap://faxgate:secret@127.0.0.1:PORT/INBOX
 *   ...
 *   await imap.stop();
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const DOVECOT_BIN = '/usr/sbin/dovecot';
export const dovecotAvailable = existsSync(DOVECOT_BIN) && process.getuid?.() === 0;

export interface Dovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  /** imap://user:password@127.0.0.1:port/<folder> */
  url(folder?: string): string;
  stop(): Promise<void>;
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

/** Resolves once the server greets with "* OK". */
function waitForGreeting(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const sock = net.connect(port, '127.0.0.1');
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

export async function startDovecot(): Promise<Dovecot> {
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
  await writeFile(
    conf,
    [
      'protocols = imap',
      'listen = 127.0.0.1',
      `base_dir = ${base}`,
      `state_dir = ${path.join(dir, 'state')}`,
      `log_path = ${path.join(dir, 'dovecot.log')}`,
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      'default_login_user = dovenull',
      'default_internal_user = dovecot',
      'first_valid_uid = 1',
      `mail_location = maildir:${mail}/%u`,
      'passdb {',
      '  driver = passwd-file',
      `  args = ${path.join(dir, 'passwd')}`,
      '}',
      'userdb {',
      '  driver = static',
      `  args = uid=dovecot gid=dovecot home=${mail}/%u`,
      '}',
      'service imap-login {',
      '  inet_listener imap {',
      `    port = ${port}`,
      '  }',
      '  inet_listener imaps {',
      '    port = 0',
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
    await waitForGreeting(port, 10_000);
  } catch (err) {
    proc.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    url: (folder = 'INBOX') => `imap://${user}:${password}@127.0.0.1:${port}/${encodeURIComponent(folder)}`,
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
