import { z } from 'zod';
import type { RegionHit } from '../../shared/domain/region';

/** A chosen region with the path the operator saw (吉林省 / 长春市 / 九台区), kept so a draft shows it without a lookup. */
export const PickedRegion = z.object({ code: z.string(), label: z.string() });
export type PickedRegion = z.infer<typeof PickedRegion>;

export const PATH_SEPARATOR = ' / ';

export function pickedFromHit(hit: RegionHit): PickedRegion {
  // The path may or may not end with the hit itself; show it exactly once either way.
  const names = hit.path.map((p) => p.name);
  if (hit.path.at(-1)?.code !== hit.code) names.push(hit.name);
  return { code: hit.code, label: names.join(PATH_SEPARATOR) };
}
