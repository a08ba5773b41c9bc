import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Department, Expert } from '../../../shared/domain/reference';
import type { RegionSources } from './regionMerge';

/** data/reference/subjects.json: subjects grouped the way the intake form lists them. */
const SubjectGroups = z.array(
  z.strictObject({ group: z.string().min(1), subjects: z.array(z.string().min(1)).min(1) }),
);

export type ShippedFiles = {
  regions: RegionSources;
  departments: string;
  experts: string;
  subjects: string;
};

export type ReferenceRecords = {
  departments: Department[];
  experts: Expert[];
  subjects: { name: string; group: string }[];
};

/** The shipped files, relative to a resources dir (the repo root from source, process.resourcesPath packaged). */
export function readShippedFiles(resourcesDir: string): ShippedFiles {
  const read = (...parts: string[]) => fs.readFileSync(path.join(resourcesDir, 'data', ...parts), 'utf8');
  return {
    regions: {
      chinaCounties: read('regions', 'china-counties.csv'),
      jilinVillages2020: read('regions', 'jilin-villages.csv'),
      jilinTowns2023: read('regions', 'jilin-towns-2023.csv'),
    },
    departments: read('reference', 'departments.json'),
    experts: read('reference', 'experts.json'),
    subjects: read('reference', 'subjects.json'),
  };
}

/** Parses and validates the JSON lists; a malformed shipped file is a packaging bug and throws. */
export function parseReferenceRecords(files: ShippedFiles): ReferenceRecords {
  const departments = z.array(Department.strict()).parse(JSON.parse(files.departments));
  const experts = z.array(Expert.strict()).parse(JSON.parse(files.experts));
  const subjects = SubjectGroups.parse(JSON.parse(files.subjects)).flatMap(({ group, subjects: names }) =>
    names.map((name) => ({ name, group })),
  );
  assertUnique(
    'department id',
    departments.map((d) => d.id),
  );
  assertUnique(
    'expert id',
    experts.map((e) => e.id),
  );
  assertUnique(
    'subject',
    subjects.map((s) => s.name),
  );
  return { departments, experts, subjects };
}

function assertUnique(what: string, values: string[]): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new Error(`duplicate ${what} in data/reference: ${value}`);
    seen.add(value);
  }
}
