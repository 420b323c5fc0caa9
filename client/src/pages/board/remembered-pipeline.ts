// The board a user opened last, per user and browser: `/board` goes back to it.
const keyOf = (userId: string) => `crm.board.pipeline.${userId}`;

export function rememberedPipeline(userId: string): string | null {
  try {
    return localStorage.getItem(keyOf(userId));
  } catch {
    return null;
  }
}

export function rememberPipeline(userId: string, pipelineId: string) {
  try {
    localStorage.setItem(keyOf(userId), pipelineId);
  } catch {
    // Storage unavailable (private mode): `/board` opens the first pipeline.
  }
}
