import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FEATURES } from '../src/contract/feature-vector.ts';
import { useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "What changed in the data" was not understood, and "¿qué cambió en los datos?" answered "No: la
// semana … no muestra drift. Variables que cambiaron: …", a no followed by what read as drift. The
// drift check's report says which features moved past their thresholds and how far: the answer now
// opens with them (what each measures, its statistic against its threshold, how many of how many)
// and then says whether together they are drift. "¿Hay drift?" keeps its yes or no, followed by the
// same features. Checked against the report the test writes where the weekly drift check writes it.
const server = useChatServer();

interface Column {
  readonly name: string;
  readonly method: string;
  readonly statistic: number;
  readonly threshold: number;
  readonly drifted: boolean;
}

/** A report as the drift check writes it: three features past their thresholds of twelve. */
const names = FEATURES.slice(0, 12).map((f) => f.name);
const columns: Column[] = names.map((name, i) => ({
  name,
  method: 'wasserstein',
  statistic: 0.05 + i * 0.031,
  threshold: i % 4 === 1 ? 0.06 : 0.9,
  drifted: i % 4 === 1,
}));

beforeAll(() => {
  const dir = path.join(server().fx.dir, 'reports', 'drift');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'drift-2024-05-13-v1.json'),
    JSON.stringify({
      week: '2024-05-13',
      championVersion: 1,
      drifted: false,
      reason: 'features: 3 of 12 columns drifted (25% < 30%)',
      features: { columns, shareThreshold: 0.3 },
    }),
  );
});

/** The report's moved features, most moved first, as the answer names them. */
const moved = () => columns.filter((c) => c.drifted).sort((a, b) => b.statistic - a.statistic);

interface DriftData {
  readonly drifted?: boolean;
  readonly drifted_features?: readonly string[];
}

describe('what changed in the data: the features the drift check found moved', () => {
  it.each([
    ['¿qué cambió en los datos?', 'es'],
    ['what changed in the data', 'en'],
    // Not tuned on.
    ['q cambio en los datos esta semana', 'es'],
    ['que variables se movieron', 'es'],
    ["what's different in the data lately?", 'en'],
    ['which features drifted?', 'en'],
  ] as const)('"%s"', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'drift_status', lang);
    expect({ q, features: (r.data as DriftData).drifted_features }).toEqual({
      q,
      features: moved().map((c) => c.name),
    });
    const [first, second] = moved();
    // Named in the text most moved first, with what each measures.
    const at = (name: string) => r.answer.indexOf(name);
    expect(at(first!.name)).toBeGreaterThan(-1);
    expect(at(second!.name)).toBeGreaterThan(at(first!.name));
    const label = FEATURES.find((f) => f.name === first!.name)!.label[lang];
    expect(r.answer).toContain(label);
    expect(r.answer).toMatch(
      lang === 'es'
        ? new RegExp(`${moved().length} de ${columns.length} variables se movieron`)
        : new RegExp(`${moved().length} of ${columns.length} features moved`),
    );
    // A few moved features and no drift: said as such, not opened with a bare no.
    expect(r.answer).not.toMatch(/^(?:No|Sí|Yes):/);
    expect(r.answer).toMatch(lang === 'es' ? /no llega a ser drift/ : /it is no drift/);
    expect(r.table?.rows.map((row) => row[0])).toEqual(moved().map((c) => c.name));
  });
});

describe('guards: a yes or no on drift, and the week’s changes', () => {
  it.each([
    ['hay drift en los datos?', 'es', /^No: /],
    ['is there drift?', 'en', /^No: /],
  ] as const)('"%s" keeps its yes or no, then the features that moved', async (q, lang, opening) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'drift_status', lang);
    expect(r.answer).toMatch(opening);
    expect(r.answer).toContain(moved()[0]!.name);
  });

  it.each(['que cambio desde la semana pasada', 'what changed since last week'])(
    '"%s" is the week’s digest',
    async (q) => {
      expect((await server().ask(q)).intent).toBe('compare_periods');
    },
  );
});
