import koffi from 'koffi';
import { XGBoostError } from './errors.ts';
import { openLibrary, type LibraryInfo } from './library.ts';

/** A native DMatrix or Booster handle (koffi 3 represents pointers as BigInt). */
export type Handle = bigint;

/** A one-slot output parameter, as koffi fills `_Out_` pointers. */
type Out<T> = [T];
type Ptr = bigint | null;

/**
 * The C functions this binding uses, typed. Pointer-to-result parameters use one-element arrays;
 * the `*Raw` variants take preallocated typed arrays instead, so the serving path allocates nothing.
 */
export interface NativeApi {
  XGBGetLastError(): string;
  XGBoostVersion(major: Out<number>, minor: Out<number>, patch: Out<number>): void;
  XGBSetGlobalConfig(config: string): number;
  XGBGetGlobalConfig(out: Out<string | null>): number;

  XGDMatrixCreateFromDense(data: string, config: string, out: Out<Ptr>): number;
  XGDMatrixFree(handle: Handle): number;
  XGDMatrixNumRow(handle: Handle, out: Out<number | bigint>): number;
  XGDMatrixNumCol(handle: Handle, out: Out<number | bigint>): number;
  XGDMatrixSetInfoFromInterface(handle: Handle, field: string, data: string): number;
  XGDMatrixGetFloatInfo(handle: Handle, field: string, len: Out<number | bigint>, out: Out<Ptr>): number;
  XGDMatrixSetStrFeatureInfo(handle: Handle, field: string, values: string[], size: number): number;
  XGDMatrixGetStrFeatureInfo(
    handle: Handle,
    field: string,
    size: Out<number | bigint>,
    out: Out<Ptr>,
  ): number;
  XGDMatrixSliceDMatrixEx(
    handle: Handle,
    idx: Int32Array,
    len: number,
    out: Out<Ptr>,
    allowGroups: number,
  ): number;
  XGProxyDMatrixCreate(out: Out<Ptr>): number;

  XGBoosterCreate(dmats: Handle[] | null, len: number, out: Out<Ptr>): number;
  XGBoosterFree(handle: Handle): number;
  XGBoosterSetParam(handle: Handle, name: string, value: string): number;
  XGBoosterUpdateOneIter(handle: Handle, iter: number, dtrain: Handle): number;
  XGBoosterEvalOneIter(
    handle: Handle,
    iter: number,
    dmats: Handle[],
    names: string[],
    len: number,
    out: Out<string | null>,
  ): number;
  XGBoosterPredictFromDMatrix(
    handle: Handle,
    dmat: Handle,
    config: string,
    shape: Out<Ptr>,
    dim: Out<number | bigint>,
    result: Out<Ptr>,
  ): number;
  XGBoosterPredictFromDense(
    handle: Handle,
    values: string,
    config: string,
    proxy: Handle | null,
    shape: Out<Ptr>,
    dim: Out<number | bigint>,
    result: Out<Ptr>,
  ): number;
  XGBoosterPredictFromDenseRaw(
    handle: Handle,
    values: string,
    config: string,
    proxy: Handle | null,
    shape: BigUint64Array,
    dim: BigUint64Array,
    result: BigUint64Array,
  ): number;
  XGBoosterLoadModelFromBuffer(handle: Handle, buf: Uint8Array, len: number): number;
  XGBoosterSaveModelToBuffer(
    handle: Handle,
    config: string,
    len: Out<number | bigint>,
    out: Out<Ptr>,
  ): number;
  XGBoosterSerializeToBuffer(handle: Handle, len: Out<number | bigint>, out: Out<Ptr>): number;
  XGBoosterUnserializeFromBuffer(handle: Handle, buf: Uint8Array, len: number): number;
  XGBoosterSaveJsonConfig(handle: Handle, len: Out<number | bigint>, out: Out<Ptr>): number;
  XGBoosterLoadJsonConfig(handle: Handle, config: string): number;
  XGBoosterDumpModelEx(
    handle: Handle,
    fmap: string,
    withStats: number,
    format: string,
    len: Out<number | bigint>,
    out: Out<Ptr>,
  ): number;
  XGBoosterDumpModelExWithFeatures(
    handle: Handle,
    fnum: number,
    names: string[],
    types: string[],
    withStats: number,
    format: string,
    len: Out<number | bigint>,
    out: Out<Ptr>,
  ): number;
  XGBoosterGetAttr(handle: Handle, key: string, out: Out<string | null>, success: Out<number>): number;
  XGBoosterSetAttr(handle: Handle, key: string, value: string | null): number;
  XGBoosterGetAttrNames(handle: Handle, len: Out<number | bigint>, out: Out<Ptr>): number;
  XGBoosterSetStrFeatureInfo(handle: Handle, field: string, values: string[], size: number): number;
  XGBoosterGetStrFeatureInfo(
    handle: Handle,
    field: string,
    size: Out<number | bigint>,
    out: Out<Ptr>,
  ): number;
  XGBoosterFeatureScore(
    handle: Handle,
    config: string,
    nFeatures: Out<number | bigint>,
    features: Out<Ptr>,
    dim: Out<number | bigint>,
    shape: Out<Ptr>,
    scores: Out<Ptr>,
  ): number;
  XGBoosterBoostedRounds(handle: Handle, out: Out<number>): number;
  XGBoosterGetNumFeature(handle: Handle, out: Out<number | bigint>): number;
  XGBoosterSlice(handle: Handle, begin: number, end: number, step: number, out: Out<Ptr>): number;
}

const PROTOTYPES: Record<keyof NativeApi, string> = {
  XGBGetLastError: 'const char *XGBGetLastError()',
  XGBoostVersion: 'void XGBoostVersion(_Out_ int *major, _Out_ int *minor, _Out_ int *patch)',
  XGBSetGlobalConfig: 'int XGBSetGlobalConfig(const char *config)',
  XGBGetGlobalConfig: 'int XGBGetGlobalConfig(_Out_ const char **out)',

  XGDMatrixCreateFromDense:
    'int XGDMatrixCreateFromDense(const char *data, const char *config, _Out_ void **out)',
  XGDMatrixFree: 'int XGDMatrixFree(void *handle)',
  XGDMatrixNumRow: 'int XGDMatrixNumRow(void *handle, _Out_ uint64_t *out)',
  XGDMatrixNumCol: 'int XGDMatrixNumCol(void *handle, _Out_ uint64_t *out)',
  XGDMatrixSetInfoFromInterface:
    'int XGDMatrixSetInfoFromInterface(void *handle, const char *field, const char *data)',
  XGDMatrixGetFloatInfo:
    'int XGDMatrixGetFloatInfo(void *handle, const char *field, _Out_ uint64_t *len, _Out_ void **out)',
  XGDMatrixSetStrFeatureInfo:
    'int XGDMatrixSetStrFeatureInfo(void *handle, const char *field, const char **values, uint64_t size)',
  XGDMatrixGetStrFeatureInfo:
    'int XGDMatrixGetStrFeatureInfo(void *handle, const char *field, _Out_ uint64_t *size, _Out_ void **out)',
  XGDMatrixSliceDMatrixEx:
    'int XGDMatrixSliceDMatrixEx(void *handle, const int *idx, uint64_t len, _Out_ void **out, int allow_groups)',
  XGProxyDMatrixCreate: 'int XGProxyDMatrixCreate(_Out_ void **out)',

  XGBoosterCreate: 'int XGBoosterCreate(void **dmats, uint64_t len, _Out_ void **out)',
  XGBoosterFree: 'int XGBoosterFree(void *handle)',
  XGBoosterSetParam: 'int XGBoosterSetParam(void *handle, const char *name, const char *value)',
  XGBoosterUpdateOneIter: 'int XGBoosterUpdateOneIter(void *handle, int iter, void *dtrain)',
  XGBoosterEvalOneIter:
    'int XGBoosterEvalOneIter(void *handle, int iter, void **dmats, const char **names, uint64_t len, _Out_ const char **out)',
  XGBoosterPredictFromDMatrix:
    'int XGBoosterPredictFromDMatrix(void *handle, void *dmat, const char *config, _Out_ void **shape, _Out_ uint64_t *dim, _Out_ void **result)',
  XGBoosterPredictFromDense:
    'int XGBoosterPredictFromDense(void *handle, const char *values, const char *config, void *proxy, _Out_ void **shape, _Out_ uint64_t *dim, _Out_ void **result)',
  XGBoosterPredictFromDenseRaw:
    'int XGBoosterPredictFromDense(void *handle, const char *values, const char *config, void *proxy, void *shape, void *dim, void *result)',
  XGBoosterLoadModelFromBuffer:
    'int XGBoosterLoadModelFromBuffer(void *handle, const void *buf, uint64_t len)',
  XGBoosterSaveModelToBuffer:
    'int XGBoosterSaveModelToBuffer(void *handle, const char *config, _Out_ uint64_t *len, _Out_ void **out)',
  XGBoosterSerializeToBuffer:
    'int XGBoosterSerializeToBuffer(void *handle, _Out_ uint64_t *len, _Out_ void **out)',
  XGBoosterUnserializeFromBuffer:
    'int XGBoosterUnserializeFromBuffer(void *handle, const void *buf, uint64_t len)',
  XGBoosterSaveJsonConfig: 'int XGBoosterSaveJsonConfig(void *handle, _Out_ uint64_t *len, _Out_ void **out)',
  XGBoosterLoadJsonConfig: 'int XGBoosterLoadJsonConfig(void *handle, const char *config)',
  XGBoosterDumpModelEx:
    'int XGBoosterDumpModelEx(void *handle, const char *fmap, int with_stats, const char *format, _Out_ uint64_t *len, _Out_ void **out)',
  XGBoosterDumpModelExWithFeatures:
    'int XGBoosterDumpModelExWithFeatures(void *handle, int fnum, const char **names, const char **types, int with_stats, const char *format, _Out_ uint64_t *len, _Out_ void **out)',
  XGBoosterGetAttr:
    'int XGBoosterGetAttr(void *handle, const char *key, _Out_ const char **out, _Out_ int *success)',
  XGBoosterSetAttr: 'int XGBoosterSetAttr(void *handle, const char *key, const char *value)',
  XGBoosterGetAttrNames: 'int XGBoosterGetAttrNames(void *handle, _Out_ uint64_t *len, _Out_ void **out)',
  XGBoosterSetStrFeatureInfo:
    'int XGBoosterSetStrFeatureInfo(void *handle, const char *field, const char **values, uint64_t size)',
  XGBoosterGetStrFeatureInfo:
    'int XGBoosterGetStrFeatureInfo(void *handle, const char *field, _Out_ uint64_t *size, _Out_ void **out)',
  XGBoosterFeatureScore:
    'int XGBoosterFeatureScore(void *handle, const char *config, _Out_ uint64_t *n, _Out_ void **features, _Out_ uint64_t *dim, _Out_ void **shape, _Out_ void **scores)',
  XGBoosterBoostedRounds: 'int XGBoosterBoostedRounds(void *handle, _Out_ int *out)',
  XGBoosterGetNumFeature: 'int XGBoosterGetNumFeature(void *handle, _Out_ uint64_t *out)',
  XGBoosterSlice: 'int XGBoosterSlice(void *handle, int begin, int end, int step, _Out_ void **out)',
};

interface Loaded {
  api: NativeApi;
  info: LibraryInfo;
}

let loaded: Loaded | undefined;

function load(): Loaded {
  const { lib, path } = openLibrary();
  const fns: Partial<Record<keyof NativeApi, unknown>> = {};
  const missing: string[] = [];
  for (const [name, proto] of Object.entries(PROTOTYPES) as [keyof NativeApi, string][]) {
    try {
      fns[name] = lib.func(proto);
    } catch {
      missing.push(name);
    }
  }
  if (missing.length > 0) {
    throw new XGBoostError(
      'LIBRARY_NOT_FOUND',
      `${path} lacks C functions this binding needs (${missing.join(', ')}); XGBoost >= 1.7 is required.`,
    );
  }
  const api = fns as NativeApi;
  const major: Out<number> = [0];
  const minor: Out<number> = [0];
  const patch: Out<number> = [0];
  api.XGBoostVersion(major, minor, patch);
  return {
    api,
    info: Object.freeze({ path, version: Object.freeze([major[0], minor[0], patch[0]] as const) }),
  };
}

/** The loaded C API (loads `libxgboost` on first use). */
export function native(): NativeApi {
  loaded ??= load();
  return loaded.api;
}

/**
 * Which library file was loaded and its version (`XGBoostVersion`).
 *
 * @example
 * ```ts
 * import { libraryInfo } from '@sodai/xgboost';
 * console.log(libraryInfo().version.join('.')); // e.g. 1.7.4
 * ```
 */
export function libraryInfo(): LibraryInfo {
  loaded ??= load();
  return loaded.info;
}

/**
 * Turns a C return code into an exception carrying XGBoost's message. Must run on the thread that
 * made the failing call: XGBoost keeps its last error per thread.
 */
export function check(rc: number, context?: string): void {
  if (rc === 0) return;
  const text = native().XGBGetLastError() || `XGBoost call failed with code ${rc}`;
  throw new XGBoostError('NATIVE', context ? `${context}: ${text}` : text);
}

/** A `_Out_` 64-bit count as a Number (counts here never exceed 2^53). */
export function toCount(value: number | bigint): number {
  return typeof value === 'bigint' ? Number(value) : value;
}

/** Copies `len` floats out of native memory XGBoost owns (valid only until its next call). */
export function readFloats(ptr: Ptr, len: number): Float32Array {
  if (len === 0 || ptr === null) return new Float32Array(0);
  return new Float32Array(koffi.view(ptr, len * 4).slice(0));
}

/** Copies `len` 64-bit shape entries out of native memory. */
export function readShape(ptr: Ptr, len: number): number[] {
  if (len === 0 || ptr === null) return [];
  const view = new BigUint64Array(koffi.view(ptr, len * 8));
  return Array.from(view, Number);
}

/** Copies an array of C strings out of native memory. */
export function readStrings(ptr: Ptr, len: number): string[] {
  if (len === 0 || ptr === null) return [];
  return koffi.decode(ptr, 'const char *', len) as string[];
}

/** Copies `len` bytes out of native memory. */
export function readBytes(ptr: Ptr, len: number): Buffer {
  if (len === 0 || ptr === null) return Buffer.alloc(0);
  return Buffer.from(koffi.view(ptr, len).slice(0));
}

/** Reads a string of known length (not NUL-terminated in general). */
export function readString(ptr: Ptr, len: number): string {
  if (len === 0 || ptr === null) return '';
  return readBytes(ptr, len).toString('utf8');
}
