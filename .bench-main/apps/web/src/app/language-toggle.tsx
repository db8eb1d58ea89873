import { LANGS } from '../i18n/dictionary.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** ES | EN buttons; the current language is pressed. */
export function LanguageToggle() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-toggle" role="group" aria-label={t('shell.language')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === lang}
          onClick={() => setLang(l)}
          title={l === 'es' ? 'Español' : 'English'}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
