import type { LevelOfCare, StaffRole } from '@iop/contracts';
import type { PresetSize } from '../ground-truth';
import { logNormal, pick } from '../random/samplers';
import { Rng } from '../random/rng';
import { ORGANIZATION_ID, SOURCE_SYSTEM, staffSourceId, type StaffRow } from '../rows/tables';

export const ORGANIZATION_NAME = 'Synthetic IOP Network';

/** Where a program is: its time zone and the zip3 areas its patients come from. */
interface Site {
  city: string;
  timeZone: string;
  zip3: readonly string[];
}

/** 40 sites, cycling through the four continental time zones so that every preset spans several. */
const SITES: readonly Site[] = [
  { city: 'Albany', timeZone: 'America/New_York', zip3: ['120', '121', '122', '123'] },
  { city: 'Milwaukee', timeZone: 'America/Chicago', zip3: ['530', '531', '532'] },
  { city: 'Denver', timeZone: 'America/Denver', zip3: ['800', '801', '802'] },
  { city: 'Sacramento', timeZone: 'America/Los_Angeles', zip3: ['956', '957', '958'] },
  { city: 'Columbus', timeZone: 'America/New_York', zip3: ['430', '431', '432'] },
  { city: 'Minneapolis', timeZone: 'America/Chicago', zip3: ['553', '554', '555'] },
  { city: 'Albuquerque', timeZone: 'America/Denver', zip3: ['870', '871'] },
  { city: 'Portland', timeZone: 'America/Los_Angeles', zip3: ['970', '971', '972'] },
  { city: 'Baltimore', timeZone: 'America/New_York', zip3: ['210', '211', '212'] },
  { city: 'St. Louis', timeZone: 'America/Chicago', zip3: ['630', '631', '633'] },
  { city: 'Salt Lake City', timeZone: 'America/Denver', zip3: ['840', '841'] },
  { city: 'Seattle', timeZone: 'America/Los_Angeles', zip3: ['980', '981'] },
  { city: 'Richmond', timeZone: 'America/New_York', zip3: ['230', '231', '232'] },
  { city: 'Kansas City', timeZone: 'America/Chicago', zip3: ['640', '641', '661'] },
  { city: 'Colorado Springs', timeZone: 'America/Denver', zip3: ['808', '809'] },
  { city: 'Fresno', timeZone: 'America/Los_Angeles', zip3: ['936', '937'] },
  { city: 'Pittsburgh', timeZone: 'America/New_York', zip3: ['150', '151', '152'] },
  { city: 'Nashville', timeZone: 'America/Chicago', zip3: ['370', '371', '372'] },
  { city: 'El Paso', timeZone: 'America/Denver', zip3: ['798', '799'] },
  { city: 'San Diego', timeZone: 'America/Los_Angeles', zip3: ['919', '920', '921'] },
  { city: 'Charlotte', timeZone: 'America/New_York', zip3: ['280', '281', '282'] },
  { city: 'Memphis', timeZone: 'America/Chicago', zip3: ['380', '381'] },
  { city: 'Billings', timeZone: 'America/Denver', zip3: ['590', '591'] },
  { city: 'Spokane', timeZone: 'America/Los_Angeles', zip3: ['990', '992'] },
  { city: 'Atlanta', timeZone: 'America/New_York', zip3: ['300', '303', '311'] },
  { city: 'New Orleans', timeZone: 'America/Chicago', zip3: ['700', '701'] },
  { city: 'Cheyenne', timeZone: 'America/Denver', zip3: ['820'] },
  { city: 'Reno', timeZone: 'America/Los_Angeles', zip3: ['894', '895'] },
  { city: 'Tampa', timeZone: 'America/New_York', zip3: ['335', '336', '346'] },
  { city: 'Houston', timeZone: 'America/Chicago', zip3: ['770', '772', '773'] },
  { city: 'Pueblo', timeZone: 'America/Denver', zip3: ['810'] },
  { city: 'Las Vegas', timeZone: 'America/Los_Angeles', zip3: ['889', '890', '891'] },
  { city: 'Hartford', timeZone: 'America/New_York', zip3: ['060', '061'] },
  { city: 'Omaha', timeZone: 'America/Chicago', zip3: ['680', '681'] },
  { city: 'Santa Fe', timeZone: 'America/Denver', zip3: ['875'] },
  { city: 'Tacoma', timeZone: 'America/Los_Angeles', zip3: ['983', '984'] },
  { city: 'Cleveland', timeZone: 'America/New_York', zip3: ['440', '441'] },
  { city: 'Dallas', timeZone: 'America/Chicago', zip3: ['750', '752', '753'] },
  { city: 'Fort Collins', timeZone: 'America/Denver', zip3: ['805'] },
  { city: 'Oakland', timeZone: 'America/Los_Angeles', zip3: ['945', '946'] },
];

export interface Program {
  id: number;
  name: string;
  levelOfCare: Extract<LevelOfCare, '1' | '2.1'>;
  timeZone: string;
  zip3: readonly string[];
  /** Relative share of the network's admissions. */
  weight: number;
  counselors: number[];
  therapists: number[];
  prescribers: number[];
}

export interface Network {
  programs: Program[];
  staff: StaffRow[];
}

const FIRST_NAMES = [
  'Alex',
  'Jordan',
  'Sam',
  'Taylor',
  'Morgan',
  'Casey',
  'Riley',
  'Jamie',
  'Avery',
  'Quinn',
  'Drew',
  'Robin',
];
const LAST_NAMES = [
  'Rivera',
  'Chen',
  'Okafor',
  'Novak',
  'Haddad',
  'Larsen',
  'Moreau',
  'Tanaka',
  'Silva',
  'Keller',
  'Walsh',
  'Ibarra',
];

/**
 * Programs and staff. Program n is the same in every preset (every fourth one is standard outpatient, level
 * 1, the others IOP, level 2.1), so that ids, names and levels stay put when a preset is swapped for another.
 */
export function generateNetwork(
  seed: number,
  size: Pick<PresetSize, 'iopPrograms' | 'outpatientPrograms' | 'episodes'>,
): Network {
  const rng = Rng.stream(seed, 'network');
  const programCount = size.iopPrograms + size.outpatientPrograms;
  if (programCount > SITES.length) throw new RangeError(`at most ${SITES.length} programs, asked for ${programCount}`);
  const levels = programLevels(size.iopPrograms, size.outpatientPrograms);
  const programs: Program[] = [];
  const staff: StaffRow[] = [];
  const episodesPerProgram = size.episodes / programCount;
  levels.forEach((levelOfCare, index) => {
    const site = SITES[index];
    const id = index + 1;
    const counselorCount = Math.min(40, Math.max(3, Math.round(episodesPerProgram / 120)));
    const hire = (role: StaffRole, count: number): number[] =>
      Array.from({ length: count }, () => {
        const staffId = staff.length + 1;
        const title = role === 'counselor' ? 'Counselor' : role === 'therapist' ? 'Therapist' : 'Prescriber';
        staff.push([
          staffId,
          ORGANIZATION_ID,
          id,
          `${title} ${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`,
          role,
          SOURCE_SYSTEM,
          staffSourceId(staffId),
        ]);
        return staffId;
      });
    programs.push({
      id,
      name: `${site.city} ${levelOfCare === '1' ? 'Outpatient Clinic' : 'Intensive Outpatient Program'}`,
      levelOfCare,
      timeZone: site.timeZone,
      zip3: site.zip3,
      // Outpatient clinics see more patients than IOPs; program sizes vary about +-30%.
      weight: (levelOfCare === '1' ? 1.2 : 1) * logNormal(rng, 1, 0.3),
      counselors: hire('counselor', counselorCount),
      therapists: hire('therapist', Math.max(2, Math.round(counselorCount / 3))),
      prescribers: hire('prescriber', Math.max(1, Math.round(counselorCount / 6))),
    });
  });
  return { programs, staff };
}

/** Every fourth program is level 1 while any are left; the rest are IOP. */
function programLevels(iop: number, outpatient: number): Array<'1' | '2.1'> {
  const levels: Array<'1' | '2.1'> = [];
  let iopLeft = iop;
  let outpatientLeft = outpatient;
  while (iopLeft + outpatientLeft > 0) {
    const wantOutpatient = levels.length % 4 === 3 || iopLeft === 0;
    if (wantOutpatient && outpatientLeft > 0) {
      levels.push('1');
      outpatientLeft--;
    } else {
      levels.push('2.1');
      iopLeft--;
    }
  }
  return levels;
}
