import { describe, expect, it } from 'vitest';
import { buildCli } from '../src/cli/build-cli.ts';
import { allCommands, commandPath } from '../src/cli/help-examples.ts';

// Found on the Postgres walk: `sodai monitor weeks --from bad` said "no week scored yet" although a
// week was scored, and `sodai ingest --as-of bad` / `sodai replay --weeks-from 2024-13-45` failed
// deep inside DuckDB ("Conversion Error"), naming no option. Every date option is read by one parser.
const dateOptions = allCommands(buildCli()).flatMap((command) =>
  command.options
    .filter((o) => /<(date|YYYY-MM-DD)>/.test(o.flags))
    .map((o) => ({ where: `${commandPath(command)} ${o.long}`, option: o })),
);

describe('every date option of the sodai command', () => {
  it('is found (the commands that take dates)', () => {
    expect(dateOptions.map((d) => d.where)).toEqual(
      expect.arrayContaining([
        'ingest --as-of',
        'data load --as-of',
        'backfill --from',
        'backfill --to',
        'monitor weeks --from',
        'replay --weeks-from',
        'data generate --start',
      ]),
    );
  });

  it.each(['bad', '2024-13-01', '2024-02-30', '2023-02-29', '24-01-01', '2024-1-1'])(
    'refuses %s before any work, naming the expected form',
    (bad) => {
      for (const { where, option } of dateOptions) {
        expect(option.parseArg, where).toBeTypeOf('function');
        expect(() => option.parseArg!(bad, undefined), where).toThrow(/YYYY-MM-DD/);
      }
    },
  );

  it('takes a real day, a leap day included, as written', () => {
    for (const { where, option } of dateOptions) {
      expect(option.parseArg!('2024-02-29', undefined), where).toBe('2024-02-29');
    }
  });
});
