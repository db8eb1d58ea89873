import dagre from '@dagrejs/dagre';

/** Where a DAG node sits, top-left corner, in pixels. */
export interface Placed {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

export const NODE_WIDTH = 140;
export const NODE_HEIGHT = 30;

/**
 * Lays a DAG out top to bottom with dagre (layered, few crossings).
 *
 * @example
 * layoutDag(['a', 'b'], [{ from: 'a', to: 'b' }]); // b below a
 */
export function layoutDag(ids: readonly string[], edges: readonly { from: string; to: string }[]): Placed[] {
  const g = new dagre.graphlib.Graph();
  // Top to bottom: the weekly DAG is a long chain with short branches, which stays readable at
  // full size in a narrow column this way (left to right it would need zooming out).
  g.setGraph({ rankdir: 'TB', nodesep: 16, ranksep: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) g.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of edges) g.setEdge(e.from, e.to);
  dagre.layout(g);
  return ids.map((id) => {
    const n = g.node(id);
    return { id, x: n.x - NODE_WIDTH / 2, y: n.y - NODE_HEIGHT / 2 };
  });
}
