/**
 * Where the window was: saved on close, restored on start, and only when it would
 * still be visible (a monitor may have been unplugged since).
 */
import { z } from 'zod';
import type { WindowBounds } from './security';

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 800 };

const savedStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean(),
  fullScreen: z.boolean(),
});
export type SavedWindowState = z.infer<typeof savedStateSchema>;

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function restoreWindowState(
  saved: unknown,
  workAreas: readonly Area[],
): { bounds: WindowBounds; maximized: boolean; fullScreen: boolean } {
  const parsed = savedStateSchema.safeParse(saved);
  if (!parsed.success) return { bounds: DEFAULT_BOUNDS, maximized: false, fullScreen: false };
  const s = parsed.data;
  const visible = workAreas.some((area) => overlap(s, area) >= 100 * 100);
  const bounds = visible ? { x: s.x, y: s.y, width: s.width, height: s.height } : { width: s.width, height: s.height };
  return { bounds, maximized: s.maximized, fullScreen: s.fullScreen };
}

function overlap(a: Area, b: Area): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
