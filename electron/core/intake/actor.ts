/** Who is saving: read from the settings at save time, so a changed seat code applies to the next save. */
export type Actor = {
  seatCode: string;
  operator: string;
  /** The logged-in operator's server account, sent with each change so the server can re-check it. */
  userId?: string | null;
};

export type Clock = () => Date;
