import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { followReaderLanguage } from '../../../engine/web-kit/index.js';
import { App } from './App.js';
import { UI_LANGUAGE } from './ui-text.js';
import './styles.css';

// The designer is used in Chinese: the servers answer in it, whatever the browser prefers.
followReaderLanguage(() => UI_LANGUAGE);

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
