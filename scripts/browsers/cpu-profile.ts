/** A profile from Chromium's sampling profiler (DevTools `Profiler.stop`). */
export interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime?: number;
  endTime?: number;
}

/**
 * Which samples' stacks hold a frame of a script whose address starts with `scriptPrefix` (the extension's), with
 * everything those frames called: `isOurs(nodeId)`, memoised up the tree; and each node by id.
 */
export function samplesOf(profile: Profile, scriptPrefix: string): { byId: Map<number, ProfileNode>; isOurs(id: number): boolean } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const parentId = parent.get(id);
    const result = !!node && (node.callFrame.url.startsWith(scriptPrefix) || (parentId !== undefined && isOurs(parentId)));
    ours.set(id, result);
    return result;
  };
  return { byId, isOurs };
}
