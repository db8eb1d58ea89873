import path from 'node:path';
import { openTracking, type TrackingClient } from '@sodai/tracking';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realizedF1Source } from '../../src/monitor/alerts/realized-source.ts';
import type { Catalog } from '../../src/store/catalog/catalog.ts';
import { openSqliteCatalog } from '../../src/store/catalog/open-catalog.ts';
import { tempDir } from '../helpers.ts';
import { registerVersion, scoredWeekRows } from './realized-fixtures.ts';

const dir = tempDir('sodai-realized-source-');
let catalog: Catalog;
let tracking: TrackingClient;
let withTestF1: number;
let withoutTestF1: number;

beforeAll(async () => {
  catalog = await openSqliteCatalog(path.join(dir, 'catalog.db'));
  tracking = await openTracking({ dataDir: dir, databaseUrl: '' });
  withTestF1 = await registerVersion(tracking, 0.52);
  withoutTestF1 = await registerVersion(tracking, null);
});
afterAll(async () => {
  await catalog?.close();
  await tracking?.close();
});

/** A source over the test's catalog and registry that counts what it opened and closed. */
function countingSource() {
  const counts = { monitorOpened: 0, monitorReleased: 0, trackingOpened: 0, trackingClosed: 0 };
  const source = realizedF1Source({
    openMonitor: async () => {
      counts.monitorOpened++;
      return { records: catalog.monitor, release: async () => void counts.monitorReleased++ };
    },
    openTracking: async () => {
      counts.trackingOpened++;
      // The test's client stays open; the source's close is what is counted.
      return {
        registry: tracking.registry,
        getRunDetails: (id: string) => tracking.getRunDetails(id),
        close: async () => void counts.trackingClosed++,
      };
    },
  });
  return { source, counts };
}

describe('realizedF1Source', () => {
  it('opens no registry while nothing is scored, and gives the catalog back', async () => {
    const { source, counts } = countingSource();
    expect(await source()).toEqual([]);
    expect(counts).toEqual({ monitorOpened: 1, monitorReleased: 1, trackingOpened: 0, trackingClosed: 0 });
  });

  it("pairs each week's served version with the best rule and the version's test F1", async () => {
    await catalog.monitor.replaceRealizedWeek(
      '2024-05-06',
      scoredWeekRows('2024-05-06', { version: withTestF1, f1: 0.4 }, 0.45),
    );
    await catalog.monitor.replaceRealizedWeek(
      '2024-05-13',
      scoredWeekRows('2024-05-13', { version: withoutTestF1, f1: 0.5 }, 0.42),
    );
    // A version the registry no longer has (deleted store, hand-edited rows): no test F1, not an error.
    await catalog.monitor.replaceRealizedWeek(
      '2024-05-20',
      scoredWeekRows('2024-05-20', { version: 99, f1: 0.3 }, 0.35),
    );
    const { source, counts } = countingSource();
    expect(await source()).toEqual([
      { week: '2024-05-06', version: withTestF1, f1: 0.4, bestRuleF1: 0.45, testF1: 0.52 },
      { week: '2024-05-13', version: withoutTestF1, f1: 0.5, bestRuleF1: 0.42, testF1: null },
      { week: '2024-05-20', version: 99, f1: 0.3, bestRuleF1: 0.35, testF1: null },
    ]);
    expect(counts).toEqual({ monitorOpened: 1, monitorReleased: 1, trackingOpened: 1, trackingClosed: 1 });
  });

  it('leaves out weeks a fallback rule served or that have no best rule yet', async () => {
    await catalog.monitor.replaceRealizedWeek(
      '2024-05-27',
      scoredWeekRows('2024-05-27', { version: 0, f1: 0.3, scorer: 'fallback' }, 0.4),
    );
    await catalog.monitor.replaceRealizedWeek(
      '2024-06-03',
      scoredWeekRows('2024-06-03', { version: withTestF1, f1: 0.3 }, undefined),
    );
    const weeks = (await countingSource().source()).map((w) => w.week);
    expect(weeks).toEqual(['2024-05-06', '2024-05-13', '2024-05-20']);
  });

  it('takes the newest version when two predicted the same week', async () => {
    const week = '2024-06-10';
    await catalog.monitor.replaceRealizedWeek(week, [
      ...scoredWeekRows(week, { version: withTestF1, f1: 0.2 }, 0.4),
      ...scoredWeekRows(week, { version: withoutTestF1, f1: 0.6 }, undefined),
    ]);
    const last = (await countingSource().source()).at(-1);
    expect(last).toEqual({ week, version: withoutTestF1, f1: 0.6, bestRuleF1: 0.4, testF1: null });
  });

  it('gives the catalog back when reading it fails', async () => {
    let released = false;
    const failing = realizedF1Source({
      openMonitor: async () => ({
        records: { realized: () => Promise.reject(new Error('disk gone')) } as never,
        release: async () => void (released = true),
      }),
      openTracking: () => Promise.reject(new Error('must not be opened')),
    });
    await expect(failing()).rejects.toThrow('disk gone');
    expect(released).toBe(true);
  });
});
