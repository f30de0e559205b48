// Links from the emails back into the spreadsheet (src/core/sheetLinks.ts): literal URLs.
import { describe, test, expect } from '@jest/globals';
import { googleDocsLink, rowLink, sheetLinks } from '../../src/core/sheetLinks';

describe('sheet links', () => {
  const links = sheetLinks('1AbC-_9', 0, 'Tiêu chí', 'P', { actual: 'F' });

  test('the file, the tab by its gid (0 is a real gid), a row from A to the last column, a cell', () => {
    expect(links.spreadsheet).toBe('https://docs.google.com/spreadsheets/d/1AbC-_9/edit');
    expect(links.tab).toBe('https://docs.google.com/spreadsheets/d/1AbC-_9/edit#gid=0');
    expect(rowLink(links, 12)).toBe(
      'https://docs.google.com/spreadsheets/d/1AbC-_9/edit#gid=0&range=A12:P12',
    );
    expect(rowLink(links, 60, 'actual')).toBe(
      'https://docs.google.com/spreadsheets/d/1AbC-_9/edit#gid=0&range=F60',
    );
    // A column the table does not have, or none: the whole row.
    expect(rowLink(links, 7, 'deadline')).toBe(
      'https://docs.google.com/spreadsheets/d/1AbC-_9/edit#gid=0&range=A7:P7',
    );
    expect(rowLink(links, 7, null)).toBe(
      'https://docs.google.com/spreadsheets/d/1AbC-_9/edit#gid=0&range=A7:P7',
    );
  });

  test('an id with characters a URL cannot carry is encoded, never breaks the link', () => {
    expect(sheetLinks('a b/c#d', 5, 'x', 'C').tab).toBe(
      'https://docs.google.com/spreadsheets/d/a%20b%2Fc%23d/edit#gid=5',
    );
  });
});

describe('a spreadsheet address typed by a person (googleDocsLink)', () => {
  test('a Google Docs address is kept (trimmed), with its gid and range', () => {
    const url = 'https://docs.google.com/spreadsheets/d/1AbC-_9/edit#gid=0&range=A1';
    expect(googleDocsLink(url)).toBe(url);
    expect(googleDocsLink(`  ${url}\n`)).toBe(url);
    expect(googleDocsLink('https://docs.google.com/spreadsheets/d/1AbC/edit?usp=sharing')).toBe(
      'https://docs.google.com/spreadsheets/d/1AbC/edit?usp=sharing',
    );
  });
  test.each([
    ['a bare key (IMPORTRANGE takes it, it is no link)', '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdEf'],
    ['plain http', 'http://docs.google.com/spreadsheets/d/1AbC/edit'],
    ['another host', 'https://docs.google.com.evil.example/spreadsheets/d/1/edit'],
    ['a user part', 'https://docs.google.com@evil.example/x'],
    ['no path', 'https://docs.google.com'],
    ['a port', 'https://docs.google.com:8443/x'],
    ['a script', 'javascript:alert(1)//https://docs.google.com/'],
    ['a quote that would end the attribute', 'https://docs.google.com/x" onmouseover="alert(1)'],
    ['a single quote', "https://docs.google.com/x'y"],
    ['an angle bracket', 'https://docs.google.com/x<script>'],
    ['a space inside', 'https://docs.google.com/spreadsheets/d/1 2/edit'],
    ['a line break inside', 'https://docs.google.com/x\ny'],
    ['a backslash', 'https://docs.google.com/x\\y'],
    ['a number', 42],
    ['nothing', undefined],
  ])('%s is not a link', (_what, url) => {
    expect(googleDocsLink(url)).toBeUndefined();
  });
});
