import { type ErrorBody, type SYNC_ERROR_CODES } from '../../shared/sync/protocol';

export type HttpErrorCode = (typeof SYNC_ERROR_CODES)[number];

/** An answer other than 2xx that the client caused or can act on; the message is plain Chinese. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: HttpErrorCode,
    message: string,
    readonly lastMutationId?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  body(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.lastMutationId === undefined ? {} : { lastMutationId: this.lastMutationId }),
      },
    };
  }
}
