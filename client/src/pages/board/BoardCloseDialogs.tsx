import { LoseDialog, WinDialog } from '../opportunity/CloseDialogs.tsx';
import type { useCloseFromBoard } from './useCloseFromBoard.ts';

/** The win dialog (for a card with open activities) and the lose dialog of a card dropped on the board's zones. */
export function BoardCloseDialogs({ closing, onConflict }: { closing: ReturnType<typeof useCloseFromBoard>; onConflict(): void }) {
  const { winning, losing } = closing;
  return (
    <>
      {winning && <WinDialog opportunity={winning} onClose={closing.stopWinning} onConflict={onConflict} onWon={(won, closedActivityIds) => closing.won(winning, won.version, closedActivityIds)} />}
      {losing && (
        <LoseDialog
          opportunity={losing}
          onClose={closing.stopLosing}
          onConflict={onConflict}
          onLost={(lost, closedActivityIds) => closing.lost(losing, lost.version, closedActivityIds)}
        />
      )}
    </>
  );
}
