import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { normalizeText } from './text';

/**
 * The agricultural vocabulary behind the analyzer, read from general sources only: every term and
 * synonym of `kb/synonyms.tsv` and `kb/synonyms-colloquial.tsv` and the crops and animals of
 * `reference/subjects.json`.
 */
export interface SynonymLink {
  readonly word: string;
  /** How much a match on `word` counts compared with the word the operator typed (1). */
  readonly weight: number;
}

export interface KbLexicon {
  /** Every dictionary term, normalised (user dictionary of the segmenter, pinyin/initials targets). */
  readonly terms: readonly string[];
  /** The other names of a word: its canonical term, and the canonical term's other names. */
  synonymsOf(word: string): readonly SynonymLink[];
  /** A term of the agricultural vocabulary (a query naming one is about the hotline's domain). */
  isTerm(word: string): boolean;
  /** A crop or animal of `subjects.json`, or another name of one (苞米 for 玉米). */
  isSubject(word: string): boolean;
  /** Only an everyday way of saying an article's term (泡种, 苞米叶): not a name the articles use. */
  isEverydayOnly(word: string): boolean;
  /** Raw bytes that went into the lexicon, for the analyzer version. */
  readonly fingerprint: string;
}

/** A farmer's word found as a synonym: the canonical term is what the articles say. */
const TO_CANONICAL = 0.9;
/** The canonical term typed: articles may still use a dialect name. */
const TO_VARIANT = 0.6;
/** Two names of the same canonical term. */
const VARIANT_TO_VARIANT = 0.5;

/**
 * Names and aliases (dialect names of crops, pests, policies), then how farmers say the articles' terms
 * in everyday speech (泡种 for 浸种); both `term<TAB>variant|variant`, lines for one term merged.
 */
const NAMES_FILE = 'synonyms.tsv';
const EVERYDAY_FILE = 'synonyms-colloquial.tsv';

const SubjectGroups = z.array(z.object({ group: z.string(), subjects: z.array(z.string()) }));

export function loadKbLexicon(dataDir: string): KbLexicon {
  const read = (f: string) => fs.readFileSync(path.join(dataDir, 'kb', f), 'utf8');
  const namesText = read(NAMES_FILE);
  const everydayText = read(EVERYDAY_FILE);
  const subjectsText = fs.readFileSync(path.join(dataDir, 'reference', 'subjects.json'), 'utf8');

  const terms = new Set<string>();
  /** Words the articles write or the names file lists: every term but the everyday phrases. */
  const written = new Set<string>();
  const links = new Map<string, Map<string, number>>();
  const link = (from: string, to: string, weight: number) => {
    if (from === to) return;
    const m = links.get(from) ?? new Map<string, number>();
    m.set(to, Math.max(m.get(to) ?? 0, weight));
    links.set(from, m);
  };

  for (const [text, everyday] of [
    [namesText, false],
    [everydayText, true],
  ] as const) {
    for (const line of text.split(/\r?\n/)) {
      const [head, rest] = line.split('\t');
      if (!head?.trim() || !rest) continue;
      const canonical = normalizeText(head.trim());
      const variants = rest
        .split('|')
        .map((v) => normalizeText(v.trim()))
        .filter((v) => v.length > 0);
      terms.add(canonical);
      written.add(canonical);
      for (const v of variants) {
        terms.add(v);
        if (!everyday) written.add(v);
        link(v, canonical, TO_CANONICAL);
        link(canonical, v, TO_VARIANT);
        for (const other of variants) link(v, other, VARIANT_TO_VARIANT);
      }
    }
  }
  const subjects = new Set<string>();
  for (const group of SubjectGroups.parse(JSON.parse(subjectsText))) {
    for (const s of group.subjects) {
      terms.add(normalizeText(s));
      subjects.add(normalizeText(s));
    }
  }
  for (const s of [...subjects]) {
    for (const l of links.get(s) ?? []) subjects.add(l[0]);
  }
  const frozen = new Map<string, readonly SynonymLink[]>();
  for (const [word, m] of links) {
    frozen.set(
      word,
      [...m].map(([w, weight]) => ({ word: w, weight })).sort((a, b) => b.weight - a.weight),
    );
  }
  return {
    terms: [...terms],
    synonymsOf: (word) => frozen.get(word) ?? [],
    isTerm: (word) => terms.has(word),
    isSubject: (word) => subjects.has(word),
    isEverydayOnly: (word) => terms.has(word) && !written.has(word) && !subjects.has(word),
    fingerprint: [`${namesText}\n${everydayText}`, subjectsText].join('\u0000'),
  };
}
