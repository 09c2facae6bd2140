/**
 * The territorial units maps can show, and how to find each one:
 * - its row id in the data tables (`kz-grp-by-region`, `wko-typology-classes`, …);
 * - the boundary features that make it up, by KATO code (9 digits) or, failing that, by the
 *   English name the boundary file uses (geokz: ADM1_EN / ADM2_EN);
 * - its tile in the tile-grid map drawn when no boundary file is available: one tile per unit,
 *   placed so that neighbours stay roughly neighbours (column 0 is the west, row 0 the north).
 *
 * Kazakhstan's regions follow the data tables, which span three divisions: South Kazakhstan
 * region until 2017 (then Turkistan region and Shymkent city; it takes Turkistan's tile and both
 * their boundaries), and Abay, Zhetisu and Ulytau regions from 2022 (no 2018 boundary: a
 * choropleth on the 2018 boundaries refuses a period in which they have values).
 */

export type GeographyId = 'kz-regions' | 'wko-units';

export interface TerritorialUnit {
  /** Row id in the data tables. */
  id: string;
  /** KATO codes of the boundary features that make up the unit; empty when no 2018 boundary exists. */
  kato: readonly string[];
  /** English names of those features in boundary files (a fallback when a file has no KATO codes). */
  names: readonly string[];
  /** Short name on tiles and map labels. */
  short: { en: string; ru: string; kk?: string };
  /** Tile position: [column from the west, row from the north]. */
  tile: readonly [number, number];
}

export interface Geography {
  id: GeographyId;
  /** File name in the boundaries folder (GeoJSON; a `.topojson` file of the same name also works). */
  boundaryFile: string;
  /** Credit printed under every map drawn from that file, in each language of the report. */
  credit: { en: string; ru: string; kk: string };
  /** Noun for the units in descriptions. */
  unitWord: { en: [string, string]; ru: [string, string] };
  columns: number;
  rows: number;
  units: readonly TerritorialUnit[];
}

const GEOKZ_CREDIT = {
  en: 'Boundaries: geokz (A. Rodionov), CC BY 4.0, based on OCHA HDX COD-AB Kazakhstan',
  ru: 'Границы: geokz (А. Родионов), CC BY 4.0, на основе OCHA HDX COD-AB (Казахстан)',
  kk: 'Шекаралар: geokz (А. Родионов), CC BY 4.0, OCHA HDX COD-AB (Қазақстан) негізінде',
};

const unit = (id: string, kato: string[], names: string[], en: string, ru: string, tile: [number, number], kk?: string): TerritorialUnit => ({
  id,
  kato,
  names,
  short: kk ? { en, ru, kk } : { en, ru },
  tile,
});

/*
 * Kazakhstan, 6 × 4 tiles:
 *
 *        0           1           2           3           4           5
 *   0   W. Kaz.     Aktobe      Kostanay    N. Kaz.     Pavlodar    E. Kaz.
 *   1   Atyrau      Kyzylorda   Ulytau      Akmola      Astana      Abay
 *   2   Mangystau   Turkistan*  Shymkent    Karaganda   Zhetisu
 *   3                           Zhambyl     Almaty      Almaty reg.
 *                                                       (* and South Kazakhstan until 2017)
 */
export const KZ_REGIONS: Geography = {
  id: 'kz-regions',
  boundaryFile: 'kaz_adm1_2018.geojson',
  credit: GEOKZ_CREDIT,
  unitWord: { en: ['region', 'regions'], ru: ['регион', 'регионов'] },
  columns: 6,
  rows: 4,
  units: [
    unit('west-kazakhstan', ['270000000'], ['West Kazakhstan'], 'W. Kaz.', 'ЗКО', [0, 0]),
    unit('aktobe', ['150000000'], ['Aktobe'], 'Aktobe', 'Актобе', [1, 0]),
    unit('kostanay', ['390000000'], ['Kostanay'], 'Kostanay', 'Костанай', [2, 0]),
    unit('north-kazakhstan', ['590000000'], ['North Kazakhstan'], 'N. Kaz.', 'СКО', [3, 0]),
    unit('pavlodar', ['550000000'], ['Pavlodar'], 'Pavlodar', 'Павлодар', [4, 0]),
    unit('east-kazakhstan', ['630000000'], ['East Kazakhstan'], 'E. Kaz.', 'ВКО', [5, 0]),
    unit('atyrau', ['230000000'], ['Atyrau'], 'Atyrau', 'Атырау', [0, 1]),
    unit('kyzylorda', ['430000000'], ['Kyzylorda'], 'Kyzylorda', 'Кызылорда', [1, 1]),
    unit('ulytau', [], ['Ulytau'], 'Ulytau', 'Улытау', [2, 1]),
    unit('akmola', ['110000000'], ['Akmola'], 'Akmola', 'Акмола', [3, 1]),
    unit('astana', ['710000000'], ['Nur-Sultan (city)', 'Astana (city)', 'Astana'], 'Astana', 'Астана', [4, 1]),
    unit('abay', [], ['Abay'], 'Abay', 'Абай', [5, 1]),
    unit('mangystau', ['470000000'], ['Mangystau'], 'Mangystau', 'Мангистау', [0, 2]),
    unit('turkistan', ['610000000'], ['Turkestan', 'Turkistan'], 'Turkistan', 'Туркестан', [1, 2]),
    unit('south-kazakhstan', ['610000000', '790000000'], ['South Kazakhstan'], 'S. Kaz.', 'ЮКО', [1, 2]),
    unit('shymkent', ['790000000'], ['Shymkent (city)', 'Shymkent'], 'Shymkent', 'Шымкент', [2, 2]),
    unit('karaganda', ['350000000'], ['Karagandy', 'Karaganda'], 'Karaganda', 'Караганда', [3, 2]),
    unit('zhetisu', [], ['Zhetisu', 'Jetisu'], 'Zhetisu', 'Жетысу', [4, 2]),
    unit('zhambyl', ['310000000'], ['Jambyl', 'Zhambyl'], 'Zhambyl', 'Жамбыл', [2, 3]),
    unit('almaty-city', ['750000000'], ['Almaty (city)'], 'Almaty', 'Алматы', [3, 3]),
    unit('almaty-region', ['190000000'], ['Almaty'], 'Almaty reg.', 'Алматин. обл.', [4, 3]),
  ],
};

/*
 * West Kazakhstan region, 5 × 3 tiles:
 *
 *        0            1            2           3           4
 *   0                Taskala      Uralsk      Baiterek    Burli
 *   1   Zhanybek     Kaztalovka   Terekti     Syrym       Chingirlau
 *   2   Bokeyorda    Zhanakala    Akzhaik     Karatobe
 */
export const WKO_UNITS: Geography = {
  id: 'wko-units',
  boundaryFile: 'wko_adm2_2018.geojson',
  credit: GEOKZ_CREDIT,
  unitWord: { en: ['unit', 'units'], ru: ['единица', 'единиц'] },
  columns: 5,
  rows: 3,
  units: [
    unit('taskala', ['276000000'], ['Taskala'], 'Taskala', 'Таскала', [1, 0]),
    unit('uralsk', ['271000000'], ['Uralsk', 'Oral'], 'Uralsk', 'Уральск', [2, 0]),
    unit('baiterek', ['274400000'], ['Baiterek', 'Bayterek', 'Zelenovsky'], 'Baiterek', 'Байтерек', [3, 0]),
    unit('burli', ['273600000'], ['Burli', 'Burlin'], 'Burli', 'Бурли', [4, 0]),
    unit('zhanybek', ['274200000'], ['Zhanybek', 'Zhanibek'], 'Zhanybek', 'Жанибек', [0, 1]),
    unit('kaztalovka', ['274800000'], ['Kaztalovka'], 'Kaztalovka', 'Казталовка', [1, 1]),
    unit('terekti', ['276200000'], ['Terekti'], 'Terekti', 'Теректи', [2, 1]),
    unit('syrym', ['275800000'], ['Syrym'], 'Syrym', 'Сырым', [3, 1]),
    unit('chingirlau', ['276600000'], ['Chingirlau', 'Shyngyrlau'], 'Chingirlau', 'Чингирлау', [4, 1]),
    unit('bokeyorda', ['275400000'], ['Bokeyorda', 'Bokey Orda'], 'Bokeyorda', 'Бокейорда', [0, 2]),
    unit('zhanakala', ['274000000'], ['Zhanakala', 'Zhangala'], 'Zhanakala', 'Жанакала', [1, 2]),
    unit('akzhaik', ['273200000'], ['Akzhaik', 'Akzhayik'], 'Akzhaik', 'Акжаик', [2, 2]),
    unit('karatobe', ['275000000'], ['Karatobe'], 'Karatobe', 'Каратобе', [3, 2]),
  ],
};

export const GEOGRAPHIES: Readonly<Record<GeographyId, Geography>> = { 'kz-regions': KZ_REGIONS, 'wko-units': WKO_UNITS };

export function unitShortName(unit: TerritorialUnit, locale: string): string {
  if (locale === 'kk') return unit.short.kk ?? unit.short.ru;
  return locale === 'ru' ? unit.short.ru : unit.short.en;
}

/** The geography whose units include every one of `ids`, or undefined. */
export function geographyOf(ids: readonly string[]): Geography | undefined {
  return Object.values(GEOGRAPHIES).find((g) => ids.every((id) => g.units.some((u) => u.id === id)));
}
