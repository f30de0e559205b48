// Links from the emails back into the spreadsheet (src/core/sheetLinks.ts): literal URLs.
import { describe, test, expect } from '@jest/globals';
import { rowLink, sheetLinks } from '../../src/core/sheetLinks';

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
