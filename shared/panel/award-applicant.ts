// Is an award-list applicant in the municipality register? An award list names the recipient as written in
// the award table ("Kinn kommune Utdannings-og ressurssenter KF", "Trondheim Helse og Velferd"), with no
// organisation number, so the check is by name: the recipient must name a municipality of the 2020 list as
// whole words, and must not be another kind of organisation (AS, stiftelse, fylkeskommune …).
import type { Municipality } from '../municipality/registry';
import { MUNICIPALITIES, NON_MUNICIPAL_NAME } from '../municipality/registry';

export type ApplicantMatch =
  | { known: true; municipalities: Municipality[] }
  | { known: false; reason: 'no-municipality-name' | 'not-a-municipality' };

function words(text: string): string[] {
  // Letters (æøå, Sami letters) and digits; '-' and punctuation separate words, so "Nord-Fron" is two words.
  return text.toLocaleLowerCase('nb-NO').split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

const municipalityWords = MUNICIPALITIES.map((municipality) => ({ municipality, words: words(municipality.name) }));

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    if (needle.every((word, offset) => haystack[start + offset] === word)) return true;
  }
  return false;
}

/** The municipalities whose name the applicant text contains as whole words (two for "Herøy" or "Våler"). */
export function matchApplicant(applicant: string): ApplicantMatch {
  if (NON_MUNICIPAL_NAME.test(applicant)) return { known: false, reason: 'not-a-municipality' };
  const applicantWords = words(applicant);
  const municipalities = municipalityWords.filter((entry) => containsSequence(applicantWords, entry.words)).map((entry) => entry.municipality);
  return municipalities.length > 0 ? { known: true, municipalities } : { known: false, reason: 'no-municipality-name' };
}
