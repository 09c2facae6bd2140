/**
 * Map of territorial units: a choropleth drawn from a boundary file when one is available, else a
 * tile grid (one square per unit, laid out by the geography in data/geographies/). Units are coloured by a value of a
 * numeric table (sequential palette; diverging around 100 for indices and 1 for ratios such as
 * location quotients) or by a class from a text table (ordered, darkest first).
 */
import type { TopLevelSpec } from 'vega-lite';
import { LookupProblem, numericTable } from '../../compute/table-access.ts';
import { localize, sourceText, type NumericTable, type Table, type TextTable } from '../../validate/table-schema.ts';
import { boundaryFile, projectMap, type ProjectedMap } from '../boundaries.ts';
import type { ChartBlock } from '../chart-block.ts';
import type { DataView } from '../chart-data.ts';
import { checkPeriods, chartRows, isIndexScale, needsBase, plottedUnit, round, transformed } from '../chart-records.ts';
import { chartWords } from '../chart-strings.ts';
import { classScale, inkOn, valueScale } from '../colour-scales.ts';
import { describeClassMap, describeValueMap } from '../describe-chart.ts';
import { formatNumber } from '../../languages/number-format.ts';
import { CHART_WIDTH } from '../theme.ts';
import { geographyOf, unitNoun, unitShortName, type Geography, type TerritorialUnit } from '../geographies.ts';
import { numberFormat, SCHEMA_URL, type PreparedChart, type PresetContext, type Spec } from './common.ts';
import { sourceOf, type Language } from '../../languages/language.ts';

/** One unit as the map colours it. */
interface MapUnit {
  unit: TerritorialUnit;
  label: string;
  /** Numeric maps: the plotted value. */
  value: number | null;
  /** Class maps: the class and the cell's full text. */
  className?: string;
  text?: string;
  /** Numeric maps: the period of the value. */
  period?: string;
}

interface Colouring {
  /** The Vega-Lite colour encoding of the coloured units. */
  encoding: Spec;
  colourOf(unit: MapUnit): string | undefined;
  /** Text on a unit: its value or class. */
  labelOf(unit: MapUnit): string;
  tooltip: Spec[];
}

const MAX_MAP_HEIGHT = 420;
const TILE = 92;

function loadedTable(block: ChartBlock, context: PresetContext): Table {
  const loaded = context.tables.get(block.table);
  if (!loaded) numericTable(context.tables, block.table); // throws the "unknown table" problem with suggestions
  return (loaded as { table: Table }).table;
}

function findGeography(block: ChartBlock, ids: string[], geographies: PresetContext['geographies']): Geography {
  if (block.geography) {
    const geography = geographies.get(block.geography);
    if (!geography) {
      throw new LookupProblem(`no geography "${block.geography}"`, {
        expected: geographies.size ? `one of ${[...geographies.keys()].join(', ')} (data/geographies/)` : 'a geography in data/geographies/ (see "Add a map" in README.md)',
        fix: 'correct "geography", or add data/geographies/<id>.json',
      });
    }
    const unknown = ids.filter((id) => !geography.units.some((u) => u.id === id));
    if (unknown.length) throw new LookupProblem(`rows ${unknown.join(', ')} are not units of the map "${geography.id}"`, { expected: `row ids among ${geography.units.map((u) => u.id).join(', ')}`, fix: 'choose other rows, or another geography' });
    return geography;
  }
  const geography = geographyOf(geographies, ids);
  if (!geography) {
    const known = new Set([...geographies.values()].flatMap((g) => g.units.map((u) => u.id)));
    throw new LookupProblem(`no map has units for the rows ${ids.filter((id) => !known.has(id)).join(', ') || ids.join(', ')}`, {
      expected: geographies.size ? `rows whose ids are units of one geography: ${[...geographies.keys()].join(', ')} (data/geographies/)` : 'a geography in data/geographies/ whose units are these rows',
      fix: 'choose the rows with "rows", or add the units to a geography in data/geographies/',
    });
  }
  return geography;
}

function numericUnits(block: ChartBlock, table: NumericTable, context: PresetContext): { units: Array<{ id: string; label: string; value: number | null }>; period: string; base?: string } {
  if (block.column || block.classes) throw new LookupProblem('"column" and "classes" colour a map by a text table', { expected: `a text table, but "${table.id}" holds numbers`, fix: 'remove them, or choose the text table' });
  const period = block.period ?? table.periods.at(-1) ?? '';
  checkPeriods(table, [period], 'period');
  const base = needsBase(block.transform) ? (block.base ?? table.basePeriod ?? table.periods[0]) : undefined;
  if (base !== undefined) checkPeriods(table, [base], 'base');
  const components = chartRows(table, undefined, ['memo', 'total']);
  const rows = chartRows(table, block.rows, ['memo', 'total']);
  const units = rows
    .map((row) => ({ id: row.id, label: localize(row.label, context.language), value: transformed(table, components, row, period, block.transform, base) }))
    // By default a unit without a value is not on the map (a region created later, or merged).
    .filter((u) => block.rows !== undefined || u.value !== null);
  return { units, period, base };
}

function classUnits(block: ChartBlock, table: TextTable, context: PresetContext): { units: Array<{ id: string; label: string; text: string | null; className: string | null }>; classes: string[]; columnLabel: string } {
  const columnId = block.column;
  const column = table.columns.find((c) => c.id === columnId);
  if (!columnId || !column) {
    throw new LookupProblem(columnId ? `table "${table.id}" has no column "${columnId}"` : `a map of the text table "${table.id}" needs "column"`, {
      expected: `column: one of ${table.columns.map((c) => c.id).join(', ')}`,
      fix: 'name the column whose cells are the classes',
    });
  }
  if (block.period || block.transform) throw new LookupProblem('"period" and "transform" apply to a numeric table', { expected: `a numeric table, but "${table.id}" holds text`, fix: 'remove them' });
  const english = (cell: TextTable['rows'][number]['cells'][string] | undefined) => (cell === null || cell === undefined ? null : sourceText(cell, sourceOf(context.language)));
  const rows = block.rows
    ? block.rows.map((id) => {
        const row = table.rows.find((r) => r.id === id);
        if (!row) throw new LookupProblem(`table "${table.id}" has no row "${id}"`, { expected: 'a row id of that table', fix: `rows: ${table.rows.map((r) => r.id).join(', ')}` });
        return row;
      })
    : table.rows.filter((r) => english(r.cells[columnId]) !== null);
  // A cell "High (third, after Uralsk and Burli)" belongs to class "High".
  const classOf = (text: string, classes: string[]) => classes.find((c) => text === c || text.startsWith(`${c} (`)) ?? null;
  const stripped = (text: string) => text.replace(/\s*\(.*\)\s*$/, '');
  const classes = block.classes ?? [...new Set(rows.map((r) => english(r.cells[columnId])).filter((t): t is string => t !== null).map(stripped))];
  const units = rows.map((row) => {
    const en = english(row.cells[columnId]);
    return { id: row.id, label: localize(row.label, context.language), text: en === null ? null : localize(row.cells[columnId] ?? en, context.language), className: en === null ? null : classOf(en, classes) };
  });
  const unmatched = units.filter((u) => u.text !== null && u.className === null);
  if (unmatched.length) {
    throw new LookupProblem(`cells of column "${columnId}" fit none of the classes: ${unmatched.map((u) => `${u.id} "${english(table.rows.find((r) => r.id === u.id)?.cells[columnId])}"`).join(', ')}`, {
      expected: `each cell equal to a class, or a class followed by " (…)"; classes: ${classes.join(', ')}`,
      fix: 'add the class to "classes", or correct the cell',
    });
  }
  return { units, classes, columnLabel: localize(column.label, context.language) };
}

/** Localized class names: the text of the first cell that is exactly the class, else the class. */
function classLabels(table: TextTable, columnId: string, classes: string[], language: Language): Map<string, string> {
  const labels = new Map<string, string>();
  for (const name of classes) {
    const cell = table.rows.map((r) => r.cells[columnId]).find((c) => c !== null && c !== undefined && sourceText(c, sourceOf(language)) === name);
    labels.set(name, cell ? localize(cell, language) : name);
  }
  return labels;
}

export function mapChart(block: ChartBlock, context: PresetContext): PreparedChart {
  const table = loadedTable(block, context);
  const words = chartWords(context.language);
  const language = context.language;
  let mapUnits: MapUnit[];
  let colouring: Colouring;
  let subtitle: string;
  let view: DataView;
  let unitText: string;
  let decimals = 0;
  let csvFields: string[];
  let describe: (geography: Geography) => string;
  let geography: Geography;

  if (table.kind === 'text') {
    const { units, classes, columnLabel } = classUnits(block, table, context);
    geography = findGeography(block, units.map((u) => u.id), context.geographies);
    const labels = classLabels(table, block.column ?? '', classes, language);
    const classList = classes.map((c) => labels.get(c) ?? c);
    const scale = classScale(classList);
    mapUnits = units.map((u) => ({ unit: geography.units.find((g) => g.id === u.id) as TerritorialUnit, label: u.label, value: null, className: u.className === null ? undefined : (labels.get(u.className) ?? u.className), text: u.text ?? undefined }));
    colouring = {
      encoding: { field: 'className', type: 'nominal', title: columnLabel, scale: scale.scale, sort: classList, legend: { orient: 'bottom', direction: 'horizontal', title: null } },
      colourOf: (u) => (u.className ? scale.colourOf(u.className) : undefined),
      labelOf: (u) => u.className ?? '…',
      tooltip: [
        { field: 'series', type: 'nominal', title: ' ' },
        { field: 'text', type: 'nominal', title: columnLabel },
      ],
    };
    subtitle = `${columnLabel}`;
    unitText = columnLabel;
    csvFields = ['key', 'series', 'className', 'text'];
    view = { corner: words.name, columns: [{ key: block.column ?? '', label: columnLabel }], rows: mapUnits.map((u) => ({ key: u.unit.id, label: u.label, cells: [u.text ?? null] })) };
    describe = (g) =>
      describeClassMap(
        block.title,
        block.subtitle ?? subtitle,
        classList.map((name) => ({ name, units: mapUnits.filter((u) => u.className === name).map((u) => u.label) })),
        mapUnits.length,
        unitNoun(g, language),
        language,
      );
  } else {
    const { units, period, base } = numericUnits(block, table, context);
    geography = findGeography(block, units.map((u) => u.id), context.geographies);
    unitText = plottedUnit(table, block.transform, base, language);
    decimals = block.transform ? 1 : table.decimals;
    const midpoint = block.midpoint ?? (isIndexScale(table, block.transform) ? 100 : table.unit === 'ratio' && !block.transform ? 1 : undefined);
    const values = units.map((u) => u.value).filter((v): v is number => v !== null);
    const scale = valueScale(values.length ? values : [0], midpoint);
    const format = numberFormat(decimals);
    mapUnits = units.map((u) => ({ unit: geography.units.find((g) => g.id === u.id) as TerritorialUnit, label: u.label, value: u.value, period }));
    colouring = {
      encoding: { field: 'value', type: 'quantitative', title: unitText, scale: scale.scale, legend: { orient: 'bottom', direction: 'horizontal', format, gradientLength: 240, titleLimit: 400, values: scale.legendValues } },
      colourOf: (u) => (u.value === null ? undefined : scale.colourOf(u.value)),
      labelOf: (u) => (u.value === null ? '…' : formatNumber(u.value, decimals, language)),
      tooltip: [
        { field: 'series', type: 'nominal', title: ' ' },
        { field: 'value', type: 'quantitative', title: unitText, format },
      ],
    };
    subtitle = `${unitText}, ${period}`;
    csvFields = ['key', 'series', 'period', 'value'];
    view = { corner: words.name, columns: [{ key: period, label: period }], rows: mapUnits.map((u) => ({ key: u.unit.id, label: u.label, cells: [u.value] })) };
    describe = (g) =>
      describeValueMap(block.title, block.subtitle ?? subtitle, period, mapUnits.map((u) => ({ label: u.label, value: u.value })), unitNoun(g, language), decimals, language);
  }

  // Two units in one place (a region before a split, and one of its parts after it) cannot both be shown.
  const byTile = new Map<string, string>();
  for (const u of mapUnits) {
    const place = u.unit.tile.join(',');
    const other = byTile.get(place);
    if (other) throw new LookupProblem(`"${other}" and "${u.unit.id}" are the same territory at different times and cannot be on one map`, { expected: 'units of one administrative division', fix: 'list the rows to show with "rows"' });
    byTile.set(place, u.unit.id);
  }

  const mode = block.map ?? 'auto';
  const file = mode === 'tiles' ? undefined : boundaryFile(context.boundariesDir, geography);
  if (mode === 'choropleth' && !file) {
    throw new LookupProblem(`no boundary file for the map "${geography.id}"`, {
      expected: `${geography.boundaries?.file ?? `a "boundaries" file in data/geographies/${geography.id}.json`} in the boundaries folder (${context.boundariesDir ?? 'none found: set REPORT_BOUNDARIES_DIR, or put ../shared/geo beside the project'})`,
      fix: 'provide the boundaries, or use "map: tiles" (or "auto")',
    });
  }
  const records = mapUnits.map((u) => {
    const fill = colouring.colourOf(u);
    return {
      key: u.unit.id,
      series: u.label,
      short: unitShortName(u.unit, language),
      // Plotted at the digits the label and tooltip show, so both give the figure the text gives.
      ...(table.kind === 'text' ? { className: u.className ?? null, text: u.text ?? null } : { period: u.period ?? '', value: u.value === null || u.value === undefined ? null : round(u.value, decimals) }),
      label: colouring.labelOf(u),
      ink: fill ? inkOn(fill) : 'currentColor',
      col: u.unit.tile[0],
      row: u.unit.tile[1],
    };
  });
  for (const id of block.highlight ?? []) {
    if (!records.some((r) => r.key === id)) throw new LookupProblem(`"highlight" names "${id}", which is not on the map`, { expected: `units the map shows: ${records.map((r) => r.key).join(', ')}`, fix: 'correct "highlight", or add the unit to "rows"' });
  }
  const highlighted = new Set(block.highlight ?? []);
  const built = file ? choropleth(projectMap(file, geography, CHART_WIDTH, MAX_MAP_HEIGHT), geography, records, mapUnits, colouring, sourceOf(language), highlighted) : tileGrid(geography, records, colouring, language, highlighted);
  const outlined = records.filter((r) => highlighted.has(r.key)).map((r) => String(r.series));
  return {
    data: {
      table,
      alsoTables: [],
      records,
      csvFields,
      view,
      unitText,
      decimals,
      credits: file ? [localize(geography.boundaries?.credit, language)] : [],
    },
    spec: built.spec as unknown as TopLevelSpec,
    extraFields: built.extraFields,
    subtitle,
    description: outlined.length ? `${describe(geography)} ${words.highlighted(outlined.join(', '))}` : describe(geography),
    interactive: false,
  };
}

type MapRecord = Record<string, string | number | null> & { key: string; label: string; ink: string };

/** The heavy outline of highlighted units, over everything else. */
const OUTLINE = { stroke: 'currentColor', strokeWidth: 2.5, strokeOpacity: 1, fillOpacity: 0 };

function tileGrid(geography: Geography, records: MapRecord[], colouring: Colouring, language: Language, highlighted: ReadonlySet<string>): { spec: Spec; extraFields: string[] } {
  const columns = [...Array(geography.tiles.columns).keys()];
  const rows = [...Array(geography.tiles.rows).keys()];
  const x = { field: 'col', type: 'ordinal', scale: { domain: columns, paddingInner: 0.06, paddingOuter: 0 }, axis: null };
  const y = { field: 'row', type: 'ordinal', scale: { domain: rows, paddingInner: 0.06, paddingOuter: 0 }, axis: null };
  const coloured = records.filter((r) => r.ink !== 'currentColor');
  // Every place of the grid keeps its tile, so the shape of the territory stays readable.
  const taken = new Set(records.map((r) => `${r.col},${r.row}`));
  const seen = new Set<string>();
  const empty = geography.units
    .filter((u) => {
      const place = u.tile.join(',');
      if (taken.has(place) || seen.has(place)) return false;
      seen.add(place);
      return true;
    })
    .map((u) => ({ col: u.tile[0], row: u.tile[1], short: unitShortName(u, language), label: '' }));
  const blank = records.filter((r) => r.ink === 'currentColor').map((r) => ({ col: r.col, row: r.row, short: r.short, label: r.label }));
  const name = { type: 'text', fontSize: 11, dy: -8, fontWeight: 'bold' };
  const value = { type: 'text', fontSize: 11, dy: 9 };
  const spec = {
    $schema: SCHEMA_URL,
    width: { step: TILE },
    height: { step: TILE },
    encoding: { x, y },
    layer: [
      { data: { values: [...empty, ...blank] }, mark: { type: 'rect', fill: 'currentColor', fillOpacity: 0.06, stroke: 'currentColor', strokeOpacity: 0.3 } },
      { data: { values: [...empty, ...blank] }, mark: { ...name, opacity: 0.7 }, encoding: { text: { field: 'short' } } },
      { data: { values: blank }, mark: { ...value, opacity: 0.7 }, encoding: { text: { field: 'label' } } },
      { data: { values: coloured }, mark: { type: 'rect' }, encoding: { color: colouring.encoding, tooltip: colouring.tooltip } },
      { data: { values: coloured }, mark: name, encoding: { text: { field: 'short' }, fill: { field: 'ink', type: 'nominal', scale: null } } },
      { data: { values: coloured }, mark: value, encoding: { text: { field: 'label' }, fill: { field: 'ink', type: 'nominal', scale: null } } },
      ...(highlighted.size ? [{ data: { values: records.filter((r) => highlighted.has(r.key)).map((r) => ({ col: r.col, row: r.row })) }, mark: { type: 'rect', ...OUTLINE } }] : []),
    ],
  };
  return { spec, extraFields: ['col', 'row', 'short', 'label', 'ink'] };
}

function choropleth(map: ProjectedMap, geography: Geography, records: MapRecord[], units: MapUnit[], colouring: Colouring, source: string, highlighted: ReadonlySet<string>): { spec: Spec; extraFields: string[] } {
  const missing = units.filter((u) => !map.units.has(u.unit.id));
  if (missing.length) {
    const division = geography.boundaries?.division ? ` (${sourceText(geography.boundaries.division, source)})` : '';
    throw new LookupProblem(`the boundary file has no shape for ${missing.map((u) => u.unit.id).join(', ')}`, {
      expected: `units that exist in ${map.file.split(/[\\/]/).pop() ?? ''}${division}`,
      fix: 'choose a period or rows without them, or use "map: tiles"',
    });
  }
  const feature = (shape: unknown, id?: string) => ({ type: 'Feature', ...(id ? { id } : {}), properties: {}, geometry: { type: 'MultiPolygon', coordinates: shape } });
  // Larger units first, so a city inside its region is drawn on top of it.
  const area = (key: string) => map.units.get(key)?.area ?? 0;
  const coloured = records.filter((r) => r.ink !== 'currentColor').sort((a, b) => area(b.key) - area(a.key));
  const shapes = [...new Set(records.map((r) => r.key))].map((key) => feature(map.units.get(key)?.shape, key));
  // Names where they fit: a label needs about its width across inside the unit.
  const labels = records
    .map((r) => ({ r, shape: map.units.get(r.key) }))
    .filter(({ r, shape }) => shape && shape.room >= Math.max(String(r.short).length * 2, 9))
    .map(({ r, shape }) => ({ short: r.short, label: r.label, ink: r.ink, lx: shape?.label[0] ?? 0, ly: shape?.label[1] ?? 0 }));
  // Features no coloured unit covers are drawn plain underneath (the rest would be drawn twice).
  const covered = new Set(coloured.flatMap((r) => map.units.get(r.key)?.features ?? []));
  const background = map.features.filter((shape, i) => !covered.has(i) && shape.length > 0);
  const position = { longitude: { field: 'lx', type: 'quantitative' }, latitude: { field: 'ly', type: 'quantitative' } };
  const spec = {
    $schema: SCHEMA_URL,
    width: map.width,
    height: map.height,
    projection: { type: 'identity', scale: 1, translate: [0, 0] },
    layer: [
      ...(background.length ? [{ data: { values: background.map((shape) => feature(shape)) }, mark: { type: 'geoshape', fill: 'currentColor', fillOpacity: 0.06, stroke: 'currentColor', strokeOpacity: 0.35, strokeWidth: 0.6 } }] : []),
      {
        data: { values: coloured },
        transform: [{ lookup: 'key', from: { data: { values: shapes }, key: 'id' }, as: 'geo' }],
        mark: { type: 'geoshape', stroke: 'currentColor', strokeOpacity: 0.45, strokeWidth: 0.6 },
        encoding: { shape: { field: 'geo', type: 'geojson' }, color: colouring.encoding, tooltip: colouring.tooltip },
      },
      { data: { values: labels }, mark: { type: 'text', fontSize: 10, dy: -6, fontWeight: 'bold' }, encoding: { ...position, text: { field: 'short' }, fill: { field: 'ink', type: 'nominal', scale: null } } },
      { data: { values: labels }, mark: { type: 'text', fontSize: 10, dy: 6 }, encoding: { ...position, text: { field: 'label' }, fill: { field: 'ink', type: 'nominal', scale: null } } },
      ...(highlighted.size
        ? [{ data: { values: [...highlighted].map((key) => feature(map.units.get(key)?.shape, key)) }, mark: { type: 'geoshape', ...OUTLINE, fill: null } }]
        : []),
    ],
  };
  return { spec, extraFields: ['geo', 'short', 'label', 'ink', 'lx', 'ly', 'col', 'row'] };
}
