/**
 * The IMAP poller alone in a child process, so a test can SIGKILL it mid-batch. Environment:
 * the FAXGATE_* variables of the test (data dir of the test's SQLite, Redis prefix, IMAP URL).
 */
import { loadConfig } from '../../src/config.ts';
import { startImap } from '../../src/imap/start-imap.ts';
import { createQueues, producerConnection } from '../../src/jobs.ts';
import { createLogger } from '../../src/logger.ts';
import { openDatabase } from '../../src/store/database.ts';
import { createStores } from '../../src/store/stores.ts';

const config = loadConfig();
const database = await openDatabase({ dataDir: config.dataDir });
const stores = createStores(database);
const queues = createQueues(producerConnection(config.redisUrl!), config.queuePrefix);
startImap({ config, stores, queues, log: createLogger(config.logLevel) });
process.send?.('started');
