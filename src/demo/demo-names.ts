// Fictional names only. Schools and the network are invented; people are random combinations of
// common given and family names, so no real person or school is described.
export const networkName = 'Meridian Public Schools';
export const campaignName = 'Meridian Educators United';

export const schoolNames = [
  'Alder Street College Prep', 'Bayview Technology High', 'Cedar Hills Middle', 'Dolores Huerta Academy of Science',
  'Eastgate Arts & Media High', 'Foothill Leadership Academy', 'Grand Avenue Middle', 'Harbor Gateway High',
  'Iris Lane Math & Science', 'Juniper Heights Middle', 'Kestrel Ridge High', 'Larkspur Early College',
  'Magnolia Community Middle', 'Northlight Engineering High', 'Oakmont Preparatory', 'Pacific Crest Middle',
  'Quarry Hill High', 'Riverside Health Sciences', 'Sycamore Grove Middle', 'Tamarind Public Service High',
  'Union Square Academy', 'Vista Verde Middle', 'Willowbrook High', 'Yarrow Creek STEM Middle', 'Zinnia Park High',
] as const;

export const cities = ['Los Angeles', 'Los Angeles', 'Los Angeles', 'Huntington Park', 'South Gate', 'Inglewood', 'Lynwood'] as const;

export const givenNames = [
  'Adriana', 'Alejandro', 'Amara', 'Andre', 'Ana', 'Beatriz', 'Brandon', 'Camila', 'Carlos', 'Chloe', 'Daniel', 'Deja',
  'Diego', 'Elena', 'Emily', 'Esteban', 'Fatima', 'Gabriel', 'Grace', 'Hector', 'Imani', 'Isaac', 'Jasmine', 'Javier',
  'Jordan', 'Julia', 'Kenji', 'Keisha', 'Laura', 'Leticia', 'Luis', 'Malik', 'Marcus', 'Maria', 'Mei', 'Miguel', 'Nadia',
  'Nathan', 'Olivia', 'Omar', 'Priya', 'Rafael', 'Rosa', 'Samuel', 'Sofia', 'Tanya', 'Teresa', 'Tomas', 'Valeria', 'Victor',
  'Wendy', 'Xavier', 'Yesenia', 'Zoe',
] as const;

export const familyNames = [
  'Abara', 'Aguilar', 'Bautista', 'Brooks', 'Castellanos', 'Chen', 'Coleman', 'Delgado', 'Duarte', 'Ellison', 'Espinoza',
  'Fairbanks', 'Flores', 'Gallardo', 'Greene', 'Gutierrez', 'Hayashi', 'Herrera', 'Ibarra', 'Jefferson', 'Kowalski',
  'Lindqvist', 'Lozano', 'Marquez', 'Mendoza', 'Nakamura', 'Navarro', 'Okafor', 'Ortega', 'Patel', 'Quintero', 'Ramirez',
  'Robles', 'Sandoval', 'Soto', 'Tran', 'Underwood', 'Valdez', 'Vargas', 'Washington', 'Whitfield', 'Xiong', 'Yamamoto',
  'Zamora', 'Zelaya',
] as const;

export const teacherSubjects = [
  'English', 'English', 'Mathematics', 'Mathematics', 'Biology', 'Chemistry', 'Physics', 'History', 'Social Studies',
  'Spanish', 'Special Education', 'Special Education', 'Art', 'Music', 'Physical Education', 'Computer Science',
] as const;

export const statement = [
  'We are teachers and counselors at Meridian Public Schools, and we are forming our union to build a collaborative decision-making relationship with Meridian and make every one of our schools the best it can be for our students.',
  'By joining together, we seek respect for our professional expertise, fair evaluation processes, the right to advocate without fear, and the retention and recruitment of highly effective educators.',
  'We ask Meridian to respect our choice, stop its anti-union campaign, and agree to a fair and neutral process.',
].join('\n\n');
