/** Entry of playground.html: no office.js here; the task pane runs over an in-memory workbook. */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { PlaygroundApp } from './App';
import type { Lang } from '../core/types';

const params = new URLSearchParams(window.location.search);
const lang: Lang = params.get('lang') === 'en-US' ? 'en-US' : 'zh-CN';
const root = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));
createRoot(root).render(<PlaygroundApp initialLang={lang} />);
