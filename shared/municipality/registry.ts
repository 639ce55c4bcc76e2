// The 2020 municipality list (356 municipalities, valid 2020–2023) and the applicant check behind R01:
// only a municipality (or a unit of one, such as an Oslo bydel) may apply.
import type { LocalizedText } from '../i18n/localized';
import { isValidOrganisationNumber } from '../package/organisation-number';
import kommuner from '../../resources/data/kommuner-2020.json';
import fylkeskommuner from '../../resources/data/fylkeskommuner-2020.json';

export interface Municipality {
  /** Four digits, e.g. "0301". */
  number: string;
  name: string;
  countyNumber: string;
  countyName: string;
  /** The municipality's own organisation number (the legal entity "X kommune"). */
  organisationNumber: string;
}

/** Where the list comes from; keep it next to the data in every copy. */
export const MUNICIPALITY_LIST_SOURCE: string = kommuner.source;
export const MUNICIPALITY_LIST_DESCRIPTION: string = kommuner.description;
export const MUNICIPALITIES: readonly Municipality[] = kommuner.municipalities;

/** A county authority (fylkeskommune) of 2020; not a municipality, so it may not apply (R01). */
export interface County {
  /** Two digits, e.g. "30". */
  number: string;
  name: string;
  organisationNumber: string;
}

export const COUNTY_LIST_SOURCE: string = fylkeskommuner.source;
export const COUNTIES: readonly County[] = fylkeskommuner.counties;
const countyByOrganisationNumber = new Map(COUNTIES.map((county) => [county.organisationNumber, county]));

export function findCountyByOrganisationNumber(organisationNumber: string): County | undefined {
  return countyByOrganisationNumber.get(organisationNumber);
}

const byNumber = new Map(MUNICIPALITIES.map((m) => [m.number, m]));
const byOrganisationNumber = new Map(MUNICIPALITIES.map((m) => [m.organisationNumber, m]));

export function findMunicipality(number: string): Municipality | undefined {
  return byNumber.get(number);
}

export function findMunicipalityByOrganisationNumber(organisationNumber: string): Municipality | undefined {
  return byOrganisationNumber.get(organisationNumber);
}

export type ApplicantKind = 'municipality' | 'municipal-unit' | 'not-municipality' | 'unknown-municipality';

export interface ApplicantClassification {
  kind: ApplicantKind;
  /** The municipality the applicant belongs to, when one is identified. */
  municipality?: Municipality;
  /** Why, for the assessor, in nb and en. */
  reason: LocalizedText;
}

export interface ApplicantIdentity {
  name: string;
  organisationNumber: string;
  municipalityNumber: string;
  unitName?: string | undefined;
}

// Names that say the organisation is something other than a municipality or one of its units. A county
// (fylkeskommune) is not a municipality either, although its name ends in "kommune".
export const NON_MUNICIPAL_NAME =
  /(\b(AS|ASA|SA|ANS|DA|ENK|BA|HF)\b|fylkeskommune|stiftelse|forening|organisasjon|universitet|høgskole|høyskole|aksjeselskap|sykehus|helseforetak)/i;

function normalise(text: string): string {
  return text.toLocaleLowerCase('nb-NO').replace(/[\s-]+/g, ' ').trim();
}

/** True when the applicant's name mentions the municipality's name ("Oslo kommune, bydel Grorud" → Oslo). */
function nameMentions(applicantName: string, municipality: Municipality): boolean {
  return normalise(applicantName).includes(normalise(municipality.name));
}

/**
 * municipality: the organisation number is the municipality's own, the municipality number matches and the
 *   name mentions the municipality (when only the name disagrees: municipal-unit, so a person confirms).
 * municipal-unit: a listed municipality number with another (valid) organisation number – a bydel, a KF,
 *   an adult-education centre: the assessor confirms.
 * not-municipality: the organisation number is a county authority's (fylkeskommune, 2020 list), the name
 *   shows another kind of organisation (AS, stiftelse, fylkeskommune …), or the organisation number is not valid.
 * unknown-municipality: the municipality number is not in the 2020 list.
 */
export function classifyApplicant(applicant: ApplicantIdentity): ApplicantClassification {
  const municipality = findMunicipality(applicant.municipalityNumber);
  const displayName = applicant.unitName ? `${applicant.name} (${applicant.unitName})` : applicant.name;

  if (!isValidOrganisationNumber(applicant.organisationNumber)) {
    return {
      kind: 'not-municipality',
      ...(municipality ? { municipality } : {}),
      reason: {
        nb: `Organisasjonsnummer ${applicant.organisationNumber} er ikke gyldig (MOD11).`,
        en: `Organisation number ${applicant.organisationNumber} is not valid (MOD11).`,
      },
    };
  }

  // A county's own organisation number decides whatever its name says ("Viken" alone reads like a place).
  const county = findCountyByOrganisationNumber(applicant.organisationNumber);
  if (county) {
    return {
      kind: 'not-municipality',
      ...(municipality ? { municipality } : {}),
      reason: {
        nb: `${applicant.organisationNumber} er organisasjonsnummeret til ${county.name} fylkeskommune (fylke ${county.number}); en fylkeskommune er ikke en kommune.`,
        en: `${applicant.organisationNumber} is the organisation number of ${county.name} county authority (county ${county.number}); a county authority is not a municipality.`,
      },
    };
  }

  const ownerOfNumber = findMunicipalityByOrganisationNumber(applicant.organisationNumber);
  if (ownerOfNumber && ownerOfNumber.number === applicant.municipalityNumber && !nameMentions(applicant.name, ownerOfNumber)) {
    // Number and organisation number agree but the name does not (a Sami or Kven name, a typo): a person looks.
    return {
      kind: 'municipal-unit',
      municipality: ownerOfNumber,
      reason: {
        nb: `${applicant.organisationNumber} er organisasjonsnummeret til ${ownerOfNumber.name} kommune (${ownerOfNumber.number}), men navnet «${displayName}» nevner ikke ${ownerOfNumber.name}; bekreft søkeren.`,
        en: `${applicant.organisationNumber} is the organisation number of the municipality of ${ownerOfNumber.name} (${ownerOfNumber.number}), but the name "${displayName}" does not mention ${ownerOfNumber.name}; confirm the applicant.`,
      },
    };
  }
  if (ownerOfNumber && ownerOfNumber.number === applicant.municipalityNumber) {
    return {
      kind: 'municipality',
      municipality: ownerOfNumber,
      reason: {
        nb: `${applicant.organisationNumber} er organisasjonsnummeret til ${ownerOfNumber.name} kommune (${ownerOfNumber.number}).`,
        en: `${applicant.organisationNumber} is the organisation number of the municipality of ${ownerOfNumber.name} (${ownerOfNumber.number}).`,
      },
    };
  }

  if (NON_MUNICIPAL_NAME.test(applicant.name)) {
    return {
      kind: 'not-municipality',
      ...(municipality ? { municipality } : {}),
      reason: {
        nb: `Navnet «${displayName}» viser at søkeren ikke er en kommune eller en kommunal enhet.`,
        en: `The name "${displayName}" shows the applicant is not a municipality or a municipal unit.`,
      },
    };
  }

  if (!municipality) {
    return {
      kind: 'unknown-municipality',
      ...(ownerOfNumber ? { municipality: ownerOfNumber } : {}),
      reason: {
        nb: `Kommunenummer ${applicant.municipalityNumber} finnes ikke i kommunelisten for 2020.`,
        en: `Municipality number ${applicant.municipalityNumber} is not in the 2020 municipality list.`,
      },
    };
  }

  if (ownerOfNumber) {
    return {
      kind: 'municipal-unit',
      municipality,
      reason: {
        nb: `Organisasjonsnummer ${applicant.organisationNumber} tilhører ${ownerOfNumber.name} kommune (${ownerOfNumber.number}), men kommunenummeret er ${municipality.number} ${municipality.name}; saksbehandler må avklare.`,
        en: `Organisation number ${applicant.organisationNumber} belongs to the municipality of ${ownerOfNumber.name} (${ownerOfNumber.number}), but the municipality number is ${municipality.number} ${municipality.name}; the assessor must clarify.`,
      },
    };
  }

  return {
    kind: 'municipal-unit',
    municipality,
    reason: {
      nb: `Organisasjonsnummer ${applicant.organisationNumber} er ikke kommunens eget (${municipality.organisationNumber}); bekreft at ${displayName} er en enhet i ${municipality.name} kommune.`,
      en: `Organisation number ${applicant.organisationNumber} is not the municipality's own (${municipality.organisationNumber}); confirm that ${displayName} is a unit of the municipality of ${municipality.name}.`,
    },
  };
}
