import { useId, useMemo, useState } from 'react';

/** One choice of a picker: the id and a short description to search in. */
export interface PickerOption {
  readonly id: number;
  readonly label: string;
}

/**
 * A labelled search box for an id: typing filters the suggestions (id and description), and any
 * known id typed directly is accepted. A native datalist keeps it keyboard- and screen-reader-friendly.
 *
 * @example
 * <IdPicker label="Cliente" options={[{ id: 1, label: 'Cliente 1 · tienda' }]} value={1} onChange={setId} />
 */
export function IdPicker({
  label,
  hint,
  options,
  value,
  onChange,
  onUnknown,
  name,
}: {
  label: string;
  hint?: string;
  options: readonly PickerOption[];
  value: number | null;
  onChange(id: number | null): void;
  /** Told the id typed when the catalog has no such id (null once the text names a known one or none). */
  onUnknown?(id: number | null): void;
  name: string;
}) {
  const inputId = useId();
  const listId = useId();
  const hintId = useId();
  const byId = useMemo(() => new Map(options.map((o) => [o.id, o])), [options]);
  // The box keeps what the user typed; the chosen id is reported as soon as the text starts with one.
  const [text, setText] = useState(() => (value === null ? '' : (byId.get(value)?.label ?? String(value))));
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        name={name}
        type="search"
        list={listId}
        value={text}
        autoComplete="off"
        aria-describedby={hint ? hintId : undefined}
        onChange={(e) => {
          setText(e.currentTarget.value);
          const id = parseLeadingId(e.currentTarget.value);
          // Before the catalog arrives any id is accepted; the server then says if it is unknown.
          const known = id !== null && (byId.size === 0 || byId.has(id));
          onChange(known ? id : null);
          onUnknown?.(known ? null : id);
        }}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.id} value={o.label} />
        ))}
      </datalist>
      {hint ? (
        <small id={hintId} className="hint">
          {hint}
        </small>
      ) : null}
    </div>
  );
}

/**
 * The id at the start of a picker's text ("123 · shop" → 123), or null.
 *
 * @example
 * parseLeadingId('42 · Tienda'); // 42
 */
export function parseLeadingId(text: string): number | null {
  const match = /^\s*#?(\d+)/.exec(text);
  return match ? Number(match[1]) : null;
}
