import koffi from 'koffi';

/** Typed arrays XGBoost can read through the `__array_interface__` protocol. */
export type InterfaceArray = Float32Array | Int32Array | Uint32Array;

function typestr(view: InterfaceArray): string {
  if (view instanceof Float32Array) return '<f4';
  if (view instanceof Int32Array) return '<i4';
  return '<u4';
}

/**
 * The address of a typed array's first element. Reading `.buffer` first matters: V8 keeps small
 * typed arrays inside its moving heap until their buffer is materialised off-heap.
 */
export function addressOf(view: InterfaceArray): bigint {
  void view.buffer;
  return koffi.address(view);
}

/**
 * Encodes a typed array as the JSON `__array_interface__` the JSON-config C functions take.
 * The caller must keep `view` reachable until the native call returns.
 */
export function arrayInterface(view: InterfaceArray, shape: readonly number[]): string {
  const ptr = view.length === 0 ? 0n : addressOf(view);
  return `{"data":[${ptr},true],"shape":[${shape.join(',')}],"typestr":"${typestr(view)}","version":3}`;
}
