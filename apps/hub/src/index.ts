export { createHubApp, batchSchema, MAX_BATCH_EVENTS, MAX_BATCH_BYTES, type HubApp } from './app';
export { readHubEnvironment, type HubEnvironment } from './environment';
export { migrate, loadMigrations, NewerDatabaseError } from './migrations';
export { ingestBatch, centresOverview, type Batch, type IngestResult } from './ingest';
export * from './enrolment';
