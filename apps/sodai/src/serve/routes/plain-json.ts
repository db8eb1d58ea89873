/**
 * The serializer of the hot routes: their answers are built by typed code from the contract's
 * types, so re-validating every response with zod would only spend time; the zod response schema
 * still documents the route in OpenAPI. A string is JSON the route serialized (and cached) itself.
 *
 * @example
 * app.post('/predict', { schema, serializerCompiler: plainJson }, handler);
 */
export const plainJson = () => (data: unknown) => (typeof data === 'string' ? data : JSON.stringify(data));
