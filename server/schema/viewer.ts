import type { Viewer } from '../auth/viewer.ts';
import type { Context } from '../context.ts';
import { UnauthenticatedError } from '../domain/errors.ts';

/** The signed-in viewer; fields guarded by the `authenticated` scope never see null here. */
export function requireViewer(context: Context): Viewer {
  if (!context.viewer) throw new UnauthenticatedError();
  return context.viewer;
}
