import { describe, expect, it } from 'vitest';
import { describeTraining } from '../src/chat/tools/training-span.ts';

const AS_TRAINED = 'trained on 2024-01-29…2024-12-02, tested on the week from 2024-12-23';

describe('what the chat says a model was trained on', () => {
  it('says it in Spanish, with Spanish dates, not in the registry’s English', () => {
    const text = describeTraining(AS_TRAINED, 'es');
    expect(text).toBe(
      'Entrenado con las semanas del 29 ene 2024 al 2 dic 2024 y probado en la del 23 dic 2024.',
    );
    expect(text).not.toMatch(/trained|tested|Data/);
  });

  it('says it in English with English dates', () => {
    expect(describeTraining(AS_TRAINED, 'en')).toBe(
      'Trained on the weeks from Jan 29, 2024 to Dec 2, 2024 and tested on the week from Dec 23, 2024.',
    );
  });

  it('keeps a hand-written description out of a Spanish answer, and gives it as it is in English', () => {
    expect(describeTraining('retrained by hand after the December outage', 'es')).toBe('');
    expect(describeTraining('retrained by hand after the December outage', 'en')).toBe(
      'Data: retrained by hand after the December outage.',
    );
    expect(describeTraining(undefined, 'es')).toBe('');
  });
});
