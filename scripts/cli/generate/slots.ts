/** The words one article is written with; templates fill their sentences from these. */
export type Slots = {
  /** Main subject (crop, animal, machine …) and a second one for comparisons. */
  readonly s: string;
  readonly s2: string;
  /** Topic words: tags of the article's category. */
  readonly t: string;
  readonly t2: string;
  /** Disease, pest, weed, remedy (pesticide or vet drug), fertilizer, machine, policy. */
  readonly d: string;
  readonly p: string;
  readonly w: string;
  readonly x: string;
  readonly f: string;
  readonly m: string;
  readonly pol: string;
  readonly place: string;
  readonly sym: string;
  readonly month: number;
  readonly n: number;
  readonly days: number;
};

export type Template = (c: Slots) => string;

/** How one kind of article is written: question titles and the sentences its answer is made of. */
export type Family = {
  /**
   * Where subjects come from: the category's demo subjects, some drawn from a wider vocabulary
   * ('crops', 'aquatic', 'machines'); 'animals' takes all of subjects.json's animals instead.
   */
  readonly subjects: 'crops' | 'animals' | 'aquatic' | 'machines' | 'category';
  readonly disease: 'cropDisease' | 'animalDisease';
  readonly remedy: 'pesticide' | 'vetDrug';
  /** Which of the category's tags may stand as the topic; all when absent. */
  readonly topics?: RegExp;
  readonly symptoms: readonly string[];
  readonly titles: readonly Template[];
  readonly intros: readonly Template[];
  readonly causes: readonly Template[];
  readonly advice: readonly Template[];
  /** The answer's last sentence: where to turn next. */
  readonly closings: readonly string[];
};
