import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditStore } from '../../src/store/audit-store.ts';
import { createTokenStore, type TokenStore } from '../../src/store/token-store.ts';
import { createUserStore } from '../../src/store/user-store.ts';
import { backends, openTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

describe.each(backends)('tokens, users, audit (%s)', (kind) => {
  let database: TestDatabase;
  let tokens: TokenStore;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    tokens = createTokenStore(database);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it('creates, verifies and revokes tokens; stores only their hash', async () => {
    const { id, token } = await tokens.create({ scope: 'erp', name: 'SAP pull' });
    expect(token).toMatch(/^fgt_[A-Za-z0-9_-]{43}$/);
    expect(await tokens.verify(token)).toEqual({ id, scope: 'erp', name: 'SAP pull' });
    expect(await tokens.verify(`${token}x`)).toBeNull();
    expect(await tokens.verify('Bearer nonsense')).toBeNull();
    const stored = await database.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(token.slice(4));

    const [info] = (await tokens.list()).filter((t) => t.id === id);
    expect(info).toMatchObject({ name: 'SAP pull', scope: 'erp', revokedAt: null });
    expect(info!.lastUsedAt).not.toBeNull();

    expect(await tokens.revoke(id)).toBe(true);
    expect(await tokens.revoke(id)).toBe(false);
    expect(await tokens.verify(token)).toBeNull();
    expect((await tokens.list()).find((t) => t.id === id)!.revokedAt).not.toBeNull();
  });

  it('users: create, look up, count, unique usernames', async () => {
    const users = createUserStore(database);
    expect(await users.count()).toBe(0);
    const { id } = await users.create({ username: 'mueller', passwordHash: 'scrypt$…', role: 'clerk' });
    expect(await users.getByUsername('mueller')).toMatchObject({
      id,
      role: 'clerk',
      disabled: false,
      passwordHash: 'scrypt$…',
    });
    expect(await users.getByUsername('nobody')).toBeNull();
    await expect(
      users.create({ username: 'mueller', passwordHash: 'x', role: 'admin' }),
    ).rejects.toMatchObject({
      statusCode: 409,
    });
    expect(await users.count()).toBe(1);
  });

  it('audit events keep before/after JSON in append order', async () => {
    const audit = createAuditStore(database);
    await audit.append({ actor: 'admin', entityType: 'token', entityId: 't1', action: 'create' });
    await audit.append({
      actor: 'admin',
      entityType: 'token',
      entityId: 't1',
      action: 'revoke',
      field: 'revokedAt',
      before: null,
      after: { at: 'now' },
    });
    const events = await audit.list('token', 't1');
    expect(events.map((e) => e.action)).toEqual(['create', 'revoke']);
    expect(events[1]).toMatchObject({ field: 'revokedAt', before: null, after: { at: 'now' } });
    expect(events[1]!.id).toBeGreaterThan(events[0]!.id);
  });
});
