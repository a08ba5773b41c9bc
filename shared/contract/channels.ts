/**
 * Names of every contract method and event, without schemas, so the preload bundle stays tiny
 * and zod-free. `contract.ts` is checked against these lists at compile time.
 */
export const METHODS = [
  'app:info',
  'settings:get',
  'settings:update',
  'inquiry:create',
  'inquiry:update',
  'inquiry:get',
  'inquiry:list',
  'caller:history',
  'draft:get',
  'draft:save',
  'draft:clear',
  'region:children',
  'region:search',
  'region:path',
  'ref:lists',
  'sync:status',
  'sync:now',
  'sync:issues',
  'sync:resolveIssue',
  'auth:session',
  'auth:login',
  'auth:logout',
  'kb:search',
  'kb:get',
  'kb:status',
  'kb:syncNow',
  'kb:history',
  'kb:feedback',
  'cases:searchServer',
  'kbEdit:list',
  'kbEdit:get',
  'kbEdit:create',
  'kbEdit:fromCase',
  'kbEdit:save',
  'kbEdit:act',
  'kbEdit:reviewDue',
  'kbEdit:diff',
] as const;
export type MethodName = (typeof METHODS)[number];

export const EVENTS = ['sync:statusChanged', 'inquiry:changed', 'auth:changed', 'kb:statusChanged'] as const;
export type EventName = (typeof EVENTS)[number];

/** `inquiry:create` → ['inquiry', 'create']: the renderer sees `hotline.inquiry.create(…)`. */
export function splitName(name: string): [area: string, verb: string] {
  const [area, verb] = name.split(':');
  if (!area || !verb) throw new Error(`contract name without area:verb form: ${name}`);
  return [area, verb];
}
