// Pipeline pages. Relay global ids are base64 and may contain `/` or `+`: always encode them.
const segment = (id: string) => encodeURIComponent(id);

export const pipelinePaths = {
  board: (pipelineId?: string) => (pipelineId ? `/board/${segment(pipelineId)}` : '/board'),
  opportunities: (query?: URLSearchParams) => (query?.toString() ? `/opportunities?${query.toString()}` : '/opportunities'),
  opportunity: (id: string) => `/opportunities/${segment(id)}`,
  tasks: () => '/tasks',
};
