// Every key the organisation's policy sets, with the admin's value: read-only, focusable, and labelled
// "Set by your organisation", so the reader sees what applies and knows who to ask.
import type { Policy } from '../../shared/types.ts';
import type { Translator } from '../../shared/i18n/translator.ts';

export function ManagedSettings({ keys, values, translator }: { keys: readonly (keyof Policy)[]; values: Record<string, unknown>; translator: Translator }) {
  const { t } = translator;
  return (
    <section class="managed-settings" aria-labelledby="managed-heading">
      <h2 id="managed-heading">{t('optionsManagedHeading')}</h2>
      {keys.length === 0 ? (
        <p>{t('optionsManagedNone')}</p>
      ) : (
        keys.map((key) => {
          const text = valueText(key, values[key], translator);
          const id = `managed-${key}`;
          return (
            <div class="managed-setting" key={key} data-key={key}>
              <label for={id}>
                {translator.has(`policy_${key}`) ? t(`policy_${key}`) : t('policy_other', { key })}
                <span class="managed">{t('optionsManaged')}</span>
              </label>
              {text.includes('\n') ? (
                <textarea id={id} readOnly value={text} rows={Math.min(text.split('\n').length, 6)} />
              ) : (
                <input id={id} type="text" readOnly value={text} />
              )}
            </div>
          );
        })
      )}
    </section>
  );
}

/** The admin's value in plain words: lists one item a line, feeds by address, secrets hidden. */
export function valueText(key: string, value: unknown, { t }: Translator): string {
  if (value === undefined || value === null) return t('optionsEmpty');
  if (key === 'reportToken') return t('policy_reportTokenSet');
  if (key === 'minimumBannerLevel' && typeof value === 'string') return t(`level_${value}`) || value;
  if (typeof value === 'boolean') return t(value ? 'optionsYes' : 'optionsNo');
  if (Array.isArray(value)) {
    if (value.length === 0) return t('optionsEmpty');
    return value.map((item) => (item && typeof item === 'object' && 'url' in item ? String((item as { url: unknown }).url) : String(item))).join('\n');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
