// The lead's justification, as every panel decision needs one (consensus scores, eligibility, amount, an
// acknowledged flag): its text, the problem shown under it, and the round's minimum length checked before
// anything is sent. Main checks the length again; its message lands in the same place.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Textfield } from '@digdir/designsystemet-react';

export interface Justification {
  text: string;
  problem: string | null;
  setProblem(problem: string | null): void;
  change(text: string): void;
  /** True when long enough; otherwise the problem says how long it is and how long it must be. */
  longEnough(): boolean;
  /** After a decision was stored: an empty field for the next one. */
  clear(): void;
}

export function useJustification(minLength: number): Justification {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return {
    text,
    problem,
    setProblem,
    change(next) {
      setText(next);
      setProblem(null);
    },
    longEnough() {
      const length = text.trim().length;
      if (length >= minLength) return true;
      setProblem(t('panel.consensus.tooShort', { length, min: minLength }));
      return false;
    },
    clear: () => setText(''),
  };
}

export function JustificationField({ state, id, label, description, rows = 3 }: { state: Justification; id?: string; label: string; description: string; rows?: number }) {
  return (
    <Textfield
      {...(id === undefined ? {} : { id })}
      multiline
      rows={rows}
      label={label}
      description={description}
      value={state.text}
      onChange={(event) => state.change(event.target.value)}
      error={state.problem ?? undefined}
    />
  );
}
