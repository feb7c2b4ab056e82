import { useSyncExternalStore } from 'react';
import { uiText, type Language } from '../../../engine/core/index.js';
import './mongolian.css';

/**
 * The reader's language (中文 / ᠮᠣᠩᠭᠣᠯ), one for the whole tab and remembered across visits: the
 * guide and the public page follow it. Chinese unless chosen otherwise.
 */
const STORAGE_KEY = 'tongban.language';
const listeners = new Set<() => void>();

function stored(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'mn-Mong' ? 'mn-Mong' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

let current: Language = typeof window === 'undefined' ? 'zh-CN' : stored();

/** The reader's language now (outside React: the API client asks the servers to answer in it). */
export const currentLanguage = (): Language => current;

export function setLanguage(language: Language): void {
  current = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // A browser refusing storage still switches for this page.
  }
  for (const listener of listeners) listener();
}

export function useLanguage(): Language {
  return useSyncExternalStore(
    (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
    () => current,
    () => 'zh-CN',
  );
}

const CHOICES: Language[] = ['zh-CN', 'mn-Mong'];

/** Two buttons, each language named in itself; the chosen one is pressed. */
export function LanguageSwitch() {
  const language = useLanguage();
  return (
    <span className="language-switch" role="group" aria-label={`${uiText('language.switch', 'zh-CN')} · ${uiText('language.switch', 'mn-Mong')}`}>
      {CHOICES.map((choice) => (
        <button key={choice} type="button" lang={choice} aria-pressed={language === choice} data-language={choice} onClick={() => setLanguage(choice)}>
          {uiText(choice === 'zh-CN' ? 'language.zh-CN' : 'language.mn-Mong', choice)}
        </button>
      ))}
    </span>
  );
}
