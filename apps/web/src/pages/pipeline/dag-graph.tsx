import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  useStore,
  type Edge,
  type Node,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo } from 'react';
import type { Dag, TaskInstance } from '../../api/pipeline-types.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { layoutDag, NODE_HEIGHT, NODE_WIDTH } from './dag-layout.ts';
import { TASK_COLORS } from './task-colors.ts';
import { taskStateKey } from './state-keys.ts';

/**
 * The DAG as a graph, each task coloured by its state in the chosen run; clicking (or Enter on) a
 * task selects it.
 */
export default function DagGraph({
  dag,
  tasks,
  selected,
  onSelect,
}: {
  dag: Pick<Dag, 'nodes' | 'edges'>;
  tasks: readonly TaskInstance[];
  selected: string | null;
  onSelect(taskId: string): void;
}) {
  const { t, tOr } = useI18n();
  const { nodes, edges } = useMemo(() => {
    const taskName = (id: string) => tOr(`pipeline.taskName.${id}`, id);
    const byTask = new Map(tasks.map((x) => [x.task_id, x]));
    const placed = layoutDag(
      dag.nodes.map((n) => n.id),
      dag.edges,
    );
    const nodes: Node[] = placed.map((p) => {
      const state = byTask.get(p.id)?.state;
      const color = TASK_COLORS[state ?? 'none'];
      return {
        id: p.id,
        position: { x: p.x, y: p.y },
        data: { label: taskName(p.id) },
        ariaLabel: `${taskName(p.id)}: ${state ? t(taskStateKey(state)) : t(taskStateKey('none'))}`,
        className: `dag-node state-${state ?? 'none'}`,
        style: {
          width: NODE_WIDTH,
          height: NODE_HEIGHT,
          background: color.bg,
          color: color.fg,
          border: p.id === selected ? '3px solid #f0a500' : '1px solid #5b6675',
          fontSize: 12,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
        },
        connectable: false,
        draggable: false,
      };
    });
    const edges: Edge[] = dag.edges.map((e) => ({
      id: `${e.from}->${e.to}`,
      source: e.from,
      target: e.to,
      markerEnd: { type: MarkerType.ArrowClosed },
      ariaLabel: t('pipeline.edge', { from: taskName(e.from), to: taskName(e.to) }),
    }));
    return { nodes, edges };
  }, [dag, tasks, selected, t, tOr]);
  return (
    <div className="dag-graph" data-testid="dag-graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        fitView
        nodesConnectable={false}
        nodesDraggable={false}
        onNodeClick={(_e, node) => onSelect(node.id)}
        proOptions={{ hideAttribution: true }}
      >
        <FitWhenSized />
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

/** Fits the whole DAG in view once nodes are measured and whenever the box changes width. */
function FitWhenSized() {
  const { fitView } = useReactFlow();
  const ready = useNodesInitialized();
  const width = useStore((s) => s.width);
  useEffect(() => {
    if (ready && width > 0) void fitView({ padding: 0.04, maxZoom: 1.2 });
  }, [ready, width, fitView]);
  return null;
}
