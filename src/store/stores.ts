/**
 * All stores over one database, built once per process and handed to routes and processors.
 */
import { createAuditStore } from './audit-store.ts';
import type { Database } from './database.ts';
import { createDocumentStore } from './document-store.ts';
import { createMasterDataStore } from './master-data-store.ts';
import { createOrderStore } from './order-store.ts';
import { createOutboundStore } from './outbound-store.ts';
import { createTokenStore } from './token-store.ts';
import { createUserStore } from './user-store.ts';

export function createStores(database: Database) {
  return {
    database,
    documents: createDocumentStore(database),
    orders: createOrderStore(database),
    masterData: createMasterDataStore(database),
    tokens: createTokenStore(database),
    audit: createAuditStore(database),
    users: createUserStore(database),
    outbound: createOutboundStore(database),
  };
}

export type Stores = ReturnType<typeof createStores>;
