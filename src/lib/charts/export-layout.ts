// Whether a figure's chart is being drawn as a picture: then it takes its standard layout, not one for a narrow window.
import { getContext } from 'svelte';

export const CHART_EXPORT = Symbol('chart export');

export interface ChartExport {
	wide: boolean;
}

/** The figure's export state, for a chart inside a ChartFigure (none elsewhere: the print version of the report). */
export const chartExport = (): ChartExport | undefined => getContext<ChartExport | undefined>(CHART_EXPORT);
