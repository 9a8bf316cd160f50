/**
 * The story's chart model, on the story's figures (data/storyFigures.ts: the same object the
 * static components read through data/dataset.ts, so derive() runs once) and the data plugin's virtual modules. In the browser this
 * module is loaded lazily with the graphics (LiveGraphic.tsx), so the chart data stays out of the first load.
 */
import councilMap from 'virtual:council-map';
import islandCopy from 'virtual:island-copy';
import steps from 'virtual:story-outline';
import { storyFigures } from '../data/storyFigures.ts';
import { chartModelOf, timelineStops } from './chartModel.ts';

export const storyChartModel = chartModelOf(storyFigures, islandCopy.graphicLabels, islandCopy.units, councilMap, timelineStops(steps));
