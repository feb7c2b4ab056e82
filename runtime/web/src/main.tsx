import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { followReaderLanguage } from '../../../engine/web-kit/index.js';
import { App } from './App.js';
import { currentLanguage } from './LanguageSwitch.js';
import './styles.css';

// The servers answer (their error messages) in the language the switch holds.
followReaderLanguage(currentLanguage);

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
