// The demo's HTML renderer: conditional-format rules evaluated in the add-in's formula form and as "text is
// exactly", others listed as not rendered; every piece of sheet text escaped; only plain colours in styles.
import { describe, test, expect } from '@jest/globals';
import { cssColor, esc, slug } from '../../local/demo/html';
import { ruleEvaluator, sheetTable, type CfRule, type SheetSnapshot } from '../../local/demo/renderSheet';
import { chartSvg } from '../../local/demo/renderReport';

function snapshot(values: string[][], rules: CfRule[], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  const rows = values.length;
  const columns = values[0].length;
  const fill = <T>(v: T) => values.map((r) => r.map(() => v));
  return {
    name: 'Tiêu chí',
    rows,
    columns,
    values,
    display: values,
    backgrounds: fill<string | null>(null),
    fontColors: fill<string | null>(null),
    bold: fill(false),
    italic: fill(false),
    notes: fill(''),
    alignments: fill<string | null>(null),
    verticalAlignments: fill<string | null>(null),
    wraps: fill(false),
    frozenRows: 1,
    columnWidths: values[0].map(() => 100),
    merges: [],
    rules,
    missing: [],
    ...extra,
  };
}

const rule = (
  kind: string,
  value: string,
  background: string,
  range = { row: 2, column: 1, rows: 3, columns: 3 },
): CfRule => ({
  ranges: [range],
  kind,
  value,
  background,
  fontColor: null,
  bold: null,
  description: `${kind}(${value})`,
});

describe('ruleEvaluator', () => {
  const values = [
    ['Mã', 'Tiêu chí', 'Trạng thái'],
    ['1.1', 'a', 'Mất điểm'],
    ['1.2', 'b', 'Đạt'],
    ['1.3', 'c', 'mất điểm'],
  ];

  test('=$C2="…" colours whole rows, relative to the first row of the range; case-insensitive like Sheets', () => {
    const s = snapshot(values, [
      rule('formula', '=$C2="Mất điểm"', '#f4c7c3'),
      rule('formula', '=$C2="Đạt"', '#d9ead3'),
    ]);
    const cf = ruleEvaluator(s);
    expect(cf.notRendered).toEqual([]);
    expect(cf.at(2, 1)?.background).toBe('#f4c7c3');
    expect(cf.at(2, 3)?.background).toBe('#f4c7c3');
    expect(cf.at(3, 2)?.background).toBe('#d9ead3');
    expect(cf.at(4, 1)?.background).toBe('#f4c7c3');
    expect(cf.at(1, 1)).toBeNull(); // outside the range
  });

  test('the first matching rule wins; "text is exactly" tests the cell itself', () => {
    const s = snapshot(values, [rule('textEq', 'Đạt', '#00ff00'), rule('formula', '=$C2="Đạt"', '#d9ead3')]);
    const cf = ruleEvaluator(s);
    expect(cf.at(3, 3)?.background).toBe('#00ff00');
    expect(cf.at(3, 1)?.background).toBe('#d9ead3');
  });

  test('any other rule is listed as not rendered, never guessed', () => {
    const s = snapshot(values, [
      rule('formula', '=AND($C2="Đạt",$A2<>"")', '#123456'),
      rule('NUMBER_GREATER_THAN', '5', '#654321'),
      rule('gradient', '', ''),
    ]);
    const cf = ruleEvaluator(s);
    expect(cf.notRendered).toHaveLength(3);
    expect(cf.at(3, 1)).toBeNull();
  });
});

describe('sheetTable', () => {
  test('escapes cell text and notes; drops colours that are not plain colours', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const s = snapshot(
      [
        ['Mã', 'Tiêu chí'],
        ['1', hostile],
      ],
      [],
      {
        notes: [
          ['"><script>alert(1)</script>', ''],
          ['', ''],
        ],
        backgrounds: [
          ['red;background:url(http://evil)', '#D9EAD3'],
          [null, null],
        ],
      },
    );
    const { html } = sheetTable(s);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('title="&quot;&gt;&lt;script&gt;');
    expect(html).not.toContain('url(');
    expect(html).toContain('background:#d9ead3');
  });

  test('wrapped cells wrap; text overflows into an empty neighbour only, as in Sheets', () => {
    const s = snapshot(
      [
        ['Một tiêu đề dài', '', 'x'],
        ['dài nữa', 'y', ''],
      ],
      [],
      {
        wraps: [
          [false, false, false],
          [true, false, false],
        ],
      },
    );
    const { html } = sheetTable(s);
    expect(html).toMatch(/class="spill"[^>]*data-cell="A1"/);
    expect(html).toMatch(/class="wrap"[^>]*data-cell="A2"/);
  });

  test('helpers', () => {
    expect(esc(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
    expect(cssColor('#ABC')).toBe('#abc');
    expect(cssColor('expression(alert(1))')).toBeNull();
    expect(slug('Địa chính – Xây dựng (ĐC-XD)')).toBe('dia-chinh-xay-dung-dc-xd');
    expect(slug('<script>')).toBe('script');
    expect(slug('—')).toBe('nganh');
  });
});

describe('chartSvg', () => {
  test('draws the chart data the report holds, labels escaped', () => {
    const svg = chartSvg({
      title: 'Chỉ số <CCHC>',
      type: 'LINE',
      header: ['Tháng', 'Chỉ số'],
      points: [
        { label: '05/2024', value: 0.7 },
        { label: '<b>06</b>', value: 0.72 },
      ],
      percent: true,
    });
    expect(svg).toContain('<polyline');
    expect(svg).toContain('72,0%');
    expect(svg).toContain('&lt;b&gt;06&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('Chỉ số &lt;CCHC&gt;');
  });
});
