/**
 * The serializer of the hot routes: their answers are built by typed code from the contract's
 * types, so re-validating every response with zod would only spend time; the zod response schema
 * still documents the route in OpenAPI.
 */
export const plainJson = () => (data: unknown) => JSON.stringify(data);
