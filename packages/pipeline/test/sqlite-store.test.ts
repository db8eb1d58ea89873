import { openSqliteFixture } from './helpers.ts';
import { describeStoreConformance } from './store-conformance.ts';

describeStoreConformance('sqlite', openSqliteFixture);
