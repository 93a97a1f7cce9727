/**
 * `faxgate user add NAME --role clerk|admin [--locale de|en]`, `user passwd NAME`,
 * `user disable NAME`, `user enable NAME`. Passwords are read from stdin (one line; piped or
 * typed), never from the command line where `ps` and shell history would keep them. Without
 * stdin input a one-time password is generated and printed; it must be changed at first login.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { generatePassword, hashPassword, passwordProblem } from '../auth/password.ts';
import { createSessionStore } from '../store/session-store.ts';
import { withStores } from './with-stores.ts';

const HELP = `Usage:
  faxgate user add NAME --role clerk|admin [--locale de|en] [--password-stdin]
  faxgate user passwd NAME [--password-stdin]
  faxgate user disable NAME          block logins and end the user's sessions
  faxgate user enable NAME

Without --password-stdin a one-time password is generated and printed on stdout's last line;
the user must choose a new one at the first login. With --password-stdin the first line of
stdin is the password (at least 10 characters).`;

async function readStdinLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

/** The password to set and whether it is a one-time password. */
async function choosePassword(fromStdin: boolean): Promise<{ password: string; oneTime: boolean } | string> {
  if (!fromStdin) return { password: generatePassword(), oneTime: true };
  const password = await readStdinLine();
  const problem = passwordProblem(password);
  return problem ? `the password needs ${problem}` : { password, oneTime: false };
}

export async function userCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      role: { type: 'string' },
      locale: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
  });
  const [sub, name] = positionals;
  if (values.help || !sub || !name) {
    (values.help ? process.stdout : process.stderr).write(HELP + '\n');
    return values.help ? 0 : 2;
  }
  const fail = (msg: string) => {
    process.stderr.write(`faxgate user ${sub}: ${msg}\n`);
    return 1;
  };

  if (sub === 'add') {
    if (values.role !== 'clerk' && values.role !== 'admin') return fail('--role must be clerk or admin');
    if (values.locale && !['de', 'en'].includes(values.locale)) return fail('--locale must be de or en');
    const chosen = await choosePassword(values['password-stdin'] === true);
    if (typeof chosen === 'string') return fail(chosen);
    const passwordHash = await hashPassword(chosen.password);
    await withStores(async (s) => {
      const { id } = await s.users.create({
        username: name,
        passwordHash,
        role: values.role as 'clerk' | 'admin',
        locale: values.locale ?? null,
      });
      if (chosen.oneTime) await createSessionStore(s.database).setPassword(id, passwordHash, true);
    });
    process.stderr.write(`created ${values.role} ${name}\n`);
    if (chosen.oneTime) {
      process.stderr.write('one-time password (shown only now; to be changed at first login):\n');
      process.stdout.write(chosen.password + '\n');
    }
    return 0;
  }

  if (sub === 'passwd' || sub === 'disable' || sub === 'enable') {
    const chosen = sub === 'passwd' ? await choosePassword(values['password-stdin'] === true) : null;
    if (typeof chosen === 'string') return fail(chosen);
    const found = await withStores(async (s) => {
      const user = await s.users.getByUsername(name);
      if (!user) return false;
      const sessions = createSessionStore(s.database);
      if (chosen) await sessions.setPassword(user.id, await hashPassword(chosen.password), chosen.oneTime);
      else await sessions.setDisabled(user.id, sub === 'disable');
      // A new password or a disabled account ends every open session of that user.
      if (sub !== 'enable') await sessions.destroyForUser(user.id);
      if (sub !== 'disable') await sessions.clearAttempts(name.toLowerCase());
      return true;
    });
    if (!found) return fail(`no user ${name}`);
    process.stderr.write(`${sub === 'passwd' ? 'password changed for' : `${sub}d`} ${name}\n`);
    if (chosen?.oneTime) {
      process.stderr.write('one-time password (shown only now; to be changed at next login):\n');
      process.stdout.write(chosen.password + '\n');
    }
    return 0;
  }
  process.stderr.write(HELP + '\n');
  return 2;
}
