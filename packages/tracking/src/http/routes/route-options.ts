import type { TrackingClient } from '../../client.ts';

/** What every route plugin of the tracking API is registered with. */
export interface RouteOptions {
  readonly client: TrackingClient;
}
