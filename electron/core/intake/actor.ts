/** Who is saving: read from the settings at save time, so a changed seat code applies to the next save. */
export type Actor = { seatCode: string; operator: string };

export type Clock = () => Date;
