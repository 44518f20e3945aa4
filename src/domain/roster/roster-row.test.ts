import { describe, expect, it } from 'vitest';
import { indexMapping, parseRosterDate, toStagedRow } from './roster-row.js';

const headers = ['id', 'first', 'last', 'email', 'school', 'title', 'unit', 'start'];
const positions = indexMapping(headers, { id: 'employeeId', first: 'givenName', last: 'familyName', email: 'workEmail', school: 'worksite', title: 'jobTitle', unit: 'unit', start: 'startDate' });
const lookups = { worksites: new Map([['alder street prep', 'site-1']]), units: new Map([['certificated', 'unit-1']]) };

describe('roster rows', () => {
  it('normalizes a good row and resolves school and unit names', () => {
    const row = toStagedRow(2, ['1001', ' Ana ', 'Soto', 'Ana.Soto@School.example', 'Alder  Street Prep', 'Teacher, English', 'certificated', '8/15/2014'], positions, lookups);
    expect(row).toMatchObject({ line: 2, employeeId: '1001', givenName: 'Ana', workEmail: 'ana.soto@school.example', worksiteId: 'site-1', unitId: 'unit-1', unitGiven: true, startDate: '2014-08-15', invalid: null });
  });

  it('a blank unit means "not in a unit"', () => {
    const row = toStagedRow(3, ['1002', 'Luis', 'Tran', '', 'Alder Street Prep', 'Office Manager', '', ''], positions, lookups);
    expect(row).toMatchObject({ unitId: null, unitGiven: true, invalid: null });
  });

  it('gives every reason a row is invalid', () => {
    const row = toStagedRow(9, ['', '', 'Tran', 'not-an-email', 'Nowhere High', 'Teacher', 'Classified', '2015-02-30'], positions, lookups);
    expect(row.invalid).toContain('first name is missing');
    expect(row.invalid).toContain('"not-an-email" is not an email address');
    expect(row.invalid).toContain('school "Nowhere High" is not a worksite');
    expect(row.invalid).toContain('unit "Classified" is not a bargaining unit');
    expect(row.invalid).toContain('start date "2015-02-30" is not a date');
  });

  it('needs a key to merge on', () => {
    expect(toStagedRow(4, ['', 'A', 'B', '', 'Alder Street Prep', 'Teacher', '', ''], positions, lookups).invalid).toContain('needs an employee id or an email');
  });

  it('parses ISO and US dates and rejects impossible ones', () => {
    expect(parseRosterDate('2015-4-2')).toBe('2015-04-02');
    expect(parseRosterDate('12/31/2014')).toBe('2014-12-31');
    expect(parseRosterDate('2/29/2015')).toBeNull();
    expect(parseRosterDate('yesterday')).toBeNull();
  });
});
