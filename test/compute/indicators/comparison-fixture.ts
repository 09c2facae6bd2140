/**
 * The table the comparison indicators' worked examples share (not a test file itself): GRP of four
 * regions, a memo row and the country's total. West has no 2022 figure.
 *
 *            2019   2022
 *   north     100    300
 *   south     300    300
 *   east      200    200
 *   west       50      —    (no west figure for 2022)
 *   old       999    999    memo: never compared
 *   country   650    800    total: never compared
 */
import { table } from './worked-example.ts';

export const grp = table(
  'grp',
  'million tenge',
  {
    north: { '2019': 100, '2022': 300 },
    south: { '2019': 300, '2022': 300 },
    east: { '2019': 200, '2022': 200 },
    west: { '2019': 50, '2022': null },
    old: { '2019': 999, '2022': 999 },
    country: { '2019': 650, '2022': 800 },
  },
  { roles: { old: 'memo', country: 'total' } },
);
