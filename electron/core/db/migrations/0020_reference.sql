-- Reference data shipped in data/ and (re)loaded by electron/core/refdata/loader.ts whenever the
-- shipped files change. No foreign keys point into these tables' parents, so a reload can replace rows.

-- Regions: all of China to county level, Jilin down to village (statistical division codes).
CREATE TABLE region (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  parent_code TEXT,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  path_name TEXT NOT NULL, -- '吉林省 长春市 九台区 …'
  pinyin_initials TEXT NOT NULL, -- 'jtq'
  pinyin TEXT NOT NULL, -- 'jiutaiqu'
  has_children INTEGER NOT NULL DEFAULT 0
) STRICT;
-- The cascader opens one level at a time.
CREATE INDEX region_parent ON region (parent_code, code);

-- Departments cases are handed to (转办), in the order the picker shows them.
CREATE TABLE department (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  duties TEXT NOT NULL,
  sort INTEGER NOT NULL
) STRICT;

CREATE TABLE expert (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  specialty TEXT NOT NULL,
  level TEXT NOT NULL,
  organization TEXT NOT NULL,
  phone TEXT NOT NULL
) STRICT;

-- Crops and animals offered in the intake form's subject field.
CREATE TABLE subject (
  name TEXT PRIMARY KEY,
  subject_group TEXT NOT NULL,
  sort INTEGER NOT NULL
) STRICT;

-- The hotline's categories (shared/domain/categories.ts), so SQL reports can join on them.
CREATE TABLE category (
  name TEXT PRIMARY KEY,
  sort INTEGER NOT NULL
) STRICT;

-- 'data_version': hash of the shipped files last loaded.
CREATE TABLE ref_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
