import { serviceGate } from '@sodai/testing';
import { postgresFixture } from './helpers.ts';
import { describeStoreConformance } from './store-conformance.ts';

const pg = await serviceGate('postgres');
describeStoreConformance('postgres', postgresFixture(pg.url), pg.available);
