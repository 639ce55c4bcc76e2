// Participant stipend for SO1 and SO2 (DESIGN.md §2, rules R20 and R24), computed month by month with the
// G in force and the participant's age that month, in exact fractions. The totals are rounded once, at the end;
// per participant and per year they are shared out by the largest-remainder method (allocate.ts), so every
// breakdown adds up to the total shown beside it. docs/money.md explains every choice made here.
import type { ApplicationPackage, Participant } from '../package/schema';
import type { SchemeDefinition } from '../scheme/schema';
import { ageOn, daysInMonth, formatCalendarDate, parseCalendarDate, type CalendarDate } from '../time/calendar';
import { gInForce } from './kroner';
import { allocateLargestRemainder } from './allocate';
import { add, fromNumber, min, mul, rational, roundHalfUp, sub, ZERO, type Rational } from './rational';

export interface StipendMonth {
  /** 'YYYY-MM' */
  month: string;
  /** G in force that month (G changes on 1 May). */
  g: number;
  /** Completed years on the first day of the month. */
  age: number;
  /** Days of the month inside the stipend period, and the month's length: the pro-rata fraction. */
  days: number;
  daysInMonth: number;
  /** Rounded to whole kroner for display only; totals are computed from exact values. */
  fullStipend: number;
  grantShare: number;
  municipalityShare: number;
}

export interface ParticipantStipend {
  participantId: string;
  /** First and last day of the stipend period ('YYYY-MM-DD'). */
  start: string;
  end: string;
  /** SO2: participant has another stipend, so this scheme pays none. */
  excludedForOtherStipend: boolean;
  months: StipendMonth[];
  /**
   * Whole kroner: totalStipend and grantShare are this participant's part of the summary's totals (largest
   * remainder, never a krone or more from the exact value); municipalityShare = totalStipend − grantShare.
   */
  totalStipend: number;
  grantShare: number;
  municipalityShare: number;
}

export interface StipendSummary {
  focusArea: 1 | 2;
  participants: ParticipantStipend[];
  /**
   * totalStipend and totalGrantShare are the exact sums rounded once (half up); totalMunicipalityShare is the
   * difference. The participants' figures and the per-year figures add up to them exactly.
   */
  totalStipend: number;
  totalGrantShare: number;
  totalMunicipalityShare: number;
  /**
   * Maximum grant share per calendar year over all participants: totalGrantShare shared out over the years by
   * largest remainder, so the years add up to totalGrantShare exactly. R20/R24 compare budget[].stipendRequested
   * with it.
   */
  grantShareByYear: Record<number, number>;
  /** The municipality's share per calendar year (SO1: the rest of the 2G): the year's allocated full stipend
   * (totalStipend shared out over the years the same way) less its grant share. */
  municipalityShareByYear: Record<number, number>;
}

interface ExactMonth {
  month: StipendMonth;
  year: number;
  full: Rational;
  grant: Rational;
}

/** Thrown when the stipend period reaches before the scheme's G table; the message names the month. */
export class MissingGrunnbelopError extends RangeError {}

function firstOfMonth(year: number, month: number): CalendarDate {
  return { year, month, day: 1 };
}

function monthsOf(start: CalendarDate, end: CalendarDate): { year: number; month: number; from: number; to: number }[] {
  const out: { year: number; month: number; from: number; to: number }[] = [];
  let year = start.year;
  let month = start.month;
  while (year < end.year || (year === end.year && month <= end.month)) {
    const from = year === start.year && month === start.month ? start.day : 1;
    const to = year === end.year && month === end.month ? end.day : daysInMonth(year, month);
    out.push({ year, month, from, to });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

function participantMonths(
  participant: Participant,
  focusArea: 1 | 2,
  start: CalendarDate,
  end: CalendarDate,
  scheme: SchemeDefinition,
): ExactMonth[] {
  const { so1, so2 } = scheme.stipend;
  const excluded = focusArea === 2 && so2.requiresNoOtherStipend && participant.otherStipend;
  return monthsOf(start, end).map(({ year, month, from, to }) => {
    const first = formatCalendarDate(firstOfMonth(year, month));
    const g = gInForce(scheme, first);
    if (g === undefined) {
      throw new MissingGrunnbelopError(
        `No grunnbeløp in force on ${first} (participant ${participant.id}); the scheme's G table starts ${scheme.grunnbelop[0]?.from ?? '–'}`,
      );
    }
    const age = ageOn(participant.birthDate, first);
    const length = daysInMonth(year, month);
    const days = to - from + 1;
    // A month's share of a yearly amount: 1/12, times the days covered over the month's length.
    const share = mul(rational(1n, 12n), rational(days, length));
    const gPart = mul(rational(g), share);

    let full: Rational;
    let grant: Rational;
    if (excluded) {
      full = ZERO;
      grant = ZERO;
    } else if (focusArea === 1) {
      const young = age < so1.youngAgeLimit;
      const fraction = young ? rational(so1.youngFraction.numerator, so1.youngFraction.denominator) : rational(1n);
      full = mul(mul(fromNumber(so1.annualG), gPart), fraction);
      grant = min(full, mul(fromNumber(so1.grantCapG), gPart));
    } else {
      // SO2 sets no stipend level, only the most the grant may cover: 1G a year whatever the age.
      full = mul(fromNumber(so2.grantCapG), gPart);
      grant = full;
    }
    const municipality = sub(full, grant);
    return {
      year,
      full,
      grant,
      month: {
        month: `${year}-${String(month).padStart(2, '0')}`,
        g,
        age,
        days,
        daysInMonth: length,
        fullStipend: roundHalfUp(full),
        grantShare: roundHalfUp(grant),
        municipalityShare: roundHalfUp(municipality),
      },
    };
  });
}

/**
 * The stipend for an SO1 or SO2 application with a participant list; undefined for other focus areas or
 * without a list. Each participant's period is stipendStart–stipendEnd, by default the project period.
 * Throws MissingGrunnbelopError when a month lies before the scheme's G table.
 */
export function computeStipend(application: ApplicationPackage, scheme: SchemeDefinition): StipendSummary | undefined {
  const focusArea = application.focusArea === 1 ? 1 : application.focusArea === 2 ? 2 : undefined;
  if (focusArea === undefined) return undefined;
  const list = application.participants.list;
  if (!list) return undefined;

  const yearlyGrant = new Map<number, Rational>();
  const yearlyFull = new Map<number, Rational>();
  const exactParticipants = list.map((participant) => {
    const startText = participant.stipendStart ?? application.project.startDate;
    const endText = participant.stipendEnd ?? application.project.endDate;
    const start = parseCalendarDate(startText);
    const end = parseCalendarDate(endText);
    const exact = startText <= endText ? participantMonths(participant, focusArea, start, end, scheme) : [];
    let full = ZERO;
    let grant = ZERO;
    for (const month of exact) {
      full = add(full, month.full);
      grant = add(grant, month.grant);
      yearlyFull.set(month.year, add(yearlyFull.get(month.year) ?? ZERO, month.full));
      yearlyGrant.set(month.year, add(yearlyGrant.get(month.year) ?? ZERO, month.grant));
    }
    return { participant, startText, endText, exact, full, grant };
  });
  const fullSplit = allocateLargestRemainder(exactParticipants.map((entry) => entry.full));
  const grantSplit = allocateLargestRemainder(exactParticipants.map((entry) => entry.grant));
  const participants = exactParticipants.map(({ participant, startText, endText, exact }, index): ParticipantStipend => {
    const totalStipend = fullSplit.shares[index] ?? 0;
    const grantShare = grantSplit.shares[index] ?? 0;
    return {
      participantId: participant.id,
      start: startText,
      end: endText,
      excludedForOtherStipend: focusArea === 2 && scheme.stipend.so2.requiresNoOtherStipend && participant.otherStipend,
      months: exact.map((month) => month.month),
      totalStipend,
      grantShare,
      municipalityShare: totalStipend - grantShare,
    };
  });
  const years = [...yearlyGrant.keys()].sort((a, b) => a - b);
  const fullByYear = allocateLargestRemainder(years.map((year) => yearlyFull.get(year) ?? ZERO)).shares;
  const grantByYear = allocateLargestRemainder(years.map((year) => yearlyGrant.get(year) ?? ZERO)).shares;
  const grantShareByYear: Record<number, number> = {};
  const municipalityShareByYear: Record<number, number> = {};
  years.forEach((year, index) => {
    grantShareByYear[year] = grantByYear[index] ?? 0;
    municipalityShareByYear[year] = (fullByYear[index] ?? 0) - (grantByYear[index] ?? 0);
  });
  return {
    focusArea,
    participants,
    totalStipend: fullSplit.total,
    totalGrantShare: grantSplit.total,
    totalMunicipalityShare: fullSplit.total - grantSplit.total,
    grantShareByYear,
    municipalityShareByYear,
  };
}
