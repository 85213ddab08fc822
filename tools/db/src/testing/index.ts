export { createTestDatabase, type TestDatabase } from './test-database';
export { startReplicatedDatabases, type ReplicatedDatabases } from './replicated-databases';
