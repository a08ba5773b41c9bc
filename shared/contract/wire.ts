import { z } from 'zod';

/**
 * Browser mode carries the contract over a loopback WebSocket (DESIGN.md §2).
 * Page:   http://127.0.0.1:<port>/?token=<launch token>
 * Socket: ws://127.0.0.1:<port>/rpc?token=<launch token>   (refused without the token)
 */
export const WIRE_PATH = '/rpc';
export const TOKEN_PARAM = 'token';

/** Renderer → seat. `id` pairs the answer with the call. */
export const WireCall = z.strictObject({
  type: z.literal('call'),
  id: z.number().int().min(0),
  method: z.string().max(64),
  input: z.unknown().optional(),
});
export type WireCall = z.infer<typeof WireCall>;

/** Seat → renderer: the Result envelope of one call, or an event. */
export type WireMessage =
  | {
      type: 'result';
      id: number;
      result: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
    }
  | { type: 'event'; event: string; payload: unknown };

/** Frames larger than this are refused before parsing (drafts are capped at 64 KiB). */
export const WIRE_MAX_FRAME_BYTES = 256 * 1024;
