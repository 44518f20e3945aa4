import { stringify } from '../documents/csv.js';
import type { Db } from '../db/client.js';
import { createPeopleRepository } from '../db/repositories/people-repository.js';
import { createRandom } from './demo-random.js';
import { familyNames, givenNames, teacherSubjects } from './demo-names.js';

/** In the seeds' calendar: a demo loaded later imports it as of `demo.calendar.date(DEMO_ROSTER_EFFECTIVE)`. */
export const DEMO_ROSTER_EFFECTIVE = '2015-08-17';

// The demo's "next export from HR": the start of the 2015-16 school year. Everyone still employed,
// with a few moves between schools, new titles and new hires, so that importing it into the demo
// campaign shows a real diff (and no invalid rows). `effectiveDate` is DEMO_ROSTER_EFFECTIVE moved
// with the demo's story. The file has no dates in it (new hires' start date is left empty, so the
// import starts them on its effective date): the same file fits the demo whatever year it is in.
export async function buildDemoRosterCsv(db: Db, campaignId: string, effectiveDate: string): Promise<string> {
  const random = createRandom(20150817);
  const roster = await createPeopleRepository(db).listRoster(campaignId, 'all', effectiveDate);
  const schools = [...new Set(roster.map((r) => r.worksiteName))].sort();
  const rows = roster.map((r) => ({
    'Employee ID': r.employeeId ?? '',
    'First Name': r.givenName,
    'Last Name': r.familyName,
    'Work Email': r.workEmail ?? '',
    School: r.worksiteName,
    'Job Title': r.jobTitle,
    Unit: r.unitName ?? '',
    'Start Date': '',
  }));
  const teachers = rows.filter((r) => r.Unit !== '' && r['Job Title'].startsWith('Teacher'));
  for (let i = 0; i < 8; i++) {
    const row = random.pick(teachers);
    row.School = random.pick(schools.filter((s) => s !== row.School));
  }
  for (let i = 0; i < 5; i++) random.pick(teachers)['Job Title'] = i === 0 ? 'Counselor' : `Teacher, ${random.pick(teacherSubjects)}`;
  for (let i = 0; i < 20; i++) {
    const given = random.pick(givenNames);
    const family = random.pick(familyNames);
    rows.push({
      'Employee ID': String(20001 + i),
      'First Name': given,
      'Last Name': family,
      'Work Email': `${given}.${family}.${20001 + i}@meridianschools.example`.toLowerCase(),
      School: random.pick(schools),
      'Job Title': `Teacher, ${random.pick(teacherSubjects)}`,
      Unit: 'Certificated',
      'Start Date': '',
    });
  }
  return stringify(rows, { header: true });
}
