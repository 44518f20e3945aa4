import { describe, expect, it } from 'vitest';
import { guessMapping, parseMappingPairs, resolveMapping } from './roster-mapping.js';

describe('roster column mapping', () => {
  it('guesses common export headers', () => {
    expect(guessMapping(['Employee ID', 'First Name', 'Last Name', 'Email', 'School', 'Job Title', 'Hire Date', 'Shoe size'])).toEqual({
      'Employee ID': 'employeeId',
      'First Name': 'givenName',
      'Last Name': 'familyName',
      Email: 'workEmail',
      School: 'worksite',
      'Job Title': 'jobTitle',
      'Hire Date': 'startDate',
      'Shoe size': 'ignore',
    });
  });

  it('prefers the explicit mapping, then the remembered one, then the guess', () => {
    const headers = ['Emp', 'Given', 'Family', 'Site', 'Position'];
    const mapping = resolveMapping(headers, { Emp: 'employeeId' }, { Given: 'givenName', Family: 'familyName', Emp: 'ignore' });
    expect(mapping).toEqual({ Emp: 'employeeId', Given: 'givenName', Family: 'familyName', Site: 'worksite', Position: 'jobTitle' });
  });

  it('refuses a mapping without a merge key or with a field mapped twice, saying why', () => {
    expect(() => resolveMapping(['First', 'Last', 'School', 'Title'], {}, {})).toThrow(/employeeId or an email/);
    expect(() => resolveMapping(['Email', 'First', 'Last', 'School', 'Title', 'Other'], { Other: 'givenName' }, {})).toThrow(/givenName is mapped from several columns/);
    expect(() => resolveMapping(['Email'], { Nope: 'phone' }, {})).toThrow(/"Nope" is not in the file/);
  });

  it('asks which email a column named just "Email" is, instead of guessing', () => {
    const headers = ['Employee ID', 'First Name', 'Last Name', 'Email', 'School', 'Job Title'];
    expect(() => resolveMapping(headers, {}, {})).toThrow(/column "Email" could be the work email or a personal email/);
    expect(resolveMapping(headers, { Email: 'personalEmail' }, {}).Email).toBe('personalEmail');
    // Once answered, the campaign's remembered mapping answers it for the next upload.
    expect(resolveMapping(headers, {}, { Email: 'workEmail' }).Email).toBe('workEmail');
    expect(resolveMapping(['Employee ID', 'First Name', 'Last Name', 'Work Email', 'School', 'Job Title'], {}, {})['Work Email']).toBe('workEmail');
  });

  it('parses --map pairs and rejects unknown fields', () => {
    expect(parseMappingPairs(['Staff #=employeeId', 'Campus=worksite'])).toEqual({ 'Staff #': 'employeeId', Campus: 'worksite' });
    expect(() => parseMappingPairs(['Campus=school'])).toThrow(/FIELD one of/);
  });
});
