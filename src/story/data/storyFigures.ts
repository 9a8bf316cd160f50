/**
 * The story's figures, derived once: the one source of them. The static components read them through
 * dataset.ts (rendered at build time); the graphics' chart model (src/story/graphics/storyChartModel.ts,
 * a lazy chunk in the browser) is built on this same object. Kept apart from dataset.ts's token filler
 * so the lazy chunk does not pull in the copy code.
 */
import charts from 'virtual:chart-data';
import { figuresOf, type Figures } from './derive.ts';

/** The dataset, what is derived from it and the candidate lookup: derive() runs here, once. */
export const storyFigures: Figures = figuresOf(charts);
