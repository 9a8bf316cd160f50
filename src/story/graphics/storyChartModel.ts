/**
 * The story's chart model, from the data plugin's virtual modules. In the browser this module is
 * loaded lazily with the graphics (LiveGraphic.tsx), so the chart data stays out of the first load.
 */
import charts from 'virtual:chart-data';
import councilMap from 'virtual:council-map';
import islandCopy from 'virtual:island-copy';
import steps from 'virtual:story-outline';
import { chartModel, timelineStops } from './chartModel.ts';

export const storyChartModel = chartModel(charts, islandCopy.graphicLabels, islandCopy.units, councilMap, timelineStops(steps));
