/**
 * `faxgate token create --scope SCOPE [--name NAME]`, `token list`, `token revoke ID`.
 * `create` prints the new token alone on stdout's last line (scripts take `| tail -1`).
 */
import { parseArgs } from 'node:util';
import { withStores } from './with-stores.ts';

const SCOPES = ['ingest', 'erp', 'admin'];
const HELP = `Usage:
  faxgate token create --scope ingest|erp|admin [--name NAME]   print a new token (shown once)
  faxgate token list                                             tokens with scope and last use
  faxgate token revoke ID                                        revoke a token

Scopes: ingest may only upload documents, erp only use /erp/v1, admin everything.`;

export async function tokenCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, scope: { type: 'string' }, name: { type: 'string' } },
  });
  const [sub, id] = positionals;
  if (values.help || !sub) {
    (values.help ? process.stdout : process.stderr).write(HELP + '\n');
    return values.help ? 0 : 2;
  }
  if (sub === 'create') {
    if (!values.scope || !SCOPES.includes(values.scope)) {
      process.stderr.write(`faxgate token create: --scope must be one of ${SCOPES.join(', ')}\n`);
      return 2;
    }
    const created = await withStores((s) =>
      s.tokens.create({
        scope: values.scope as 'ingest' | 'erp' | 'admin',
        name: values.name ?? `${values.scope}-token`,
      }),
    );
    process.stderr.write(`created ${values.scope} token ${created.id}; it is shown only now:\n`);
    process.stdout.write(created.token + '\n');
    return 0;
  }
  if (sub === 'list') {
    const tokens = await withStores((s) => s.tokens.list());
    for (const t of tokens) {
      process.stdout.write(
        [
          t.id,
          t.scope,
          t.name,
          t.createdAt,
          t.lastUsedAt ?? 'never used',
          t.revokedAt ? `revoked ${t.revokedAt}` : 'active',
        ].join('\t') + '\n',
      );
    }
    return 0;
  }
  if (sub === 'revoke' && id) {
    const ok = await withStores((s) => s.tokens.revoke(id));
    if (!ok) {
      process.stderr.write(`faxgate token revoke: no token ${id}\n`);
      return 1;
    }
    process.stdout.write(`revoked ${id}\n`);
    return 0;
  }
  process.stderr.write(HELP + '\n');
  return 2;
}
