/**
 * The graphic-only page (graphic.html) that embed.js pins over the story's own frame in sticky
 * mode: the graphic island and nothing else. Its chunks (React, the graphics, the chart model) are
 * the story's own, so a reader's cache already holds most of them.
 */
import 'virtual:candidate-colours.css';
import './story/styles/base.css';
import './story/styles/stepNav.css';
import './story/embed/graphicFrame.css';
import { createRoot } from 'react-dom/client';
import { startGraphicFrame } from './story/embed/graphicFrame.tsx';

const container = document.getElementById('graphic-root');
if (container) startGraphicFrame(window, (app) => createRoot(container).render(app));
