/// <reference types="vite/client" />

// The data plugin's virtual modules (src/story/data/vitePlugin.ts): the validated model, by the part each consumer needs.
declare module 'virtual:chart-data' {
  const charts: import('./story/data/types').ChartData;
  export default charts;
}

declare module 'virtual:story-content' {
  const content: import('./story/data/types').StoryContent;
  export default content;
}

declare module 'virtual:council-map' {
  const map: import('./story/geo/mapLayout').CouncilMap;
  export default map;
}

declare module 'virtual:candidate-colours.css';

declare module 'virtual:story-outline' {
  const steps: (Pick<import('./story/data/types').Step, 'id' | 'title' | 'graphic'> & { chart: import('./story/data/types').ChartCaption })[];
  export default steps;
}

/** Words the browser's JavaScript shows: the headline (embed codes' title), chart labels, the words around figures, step control and embed panel, from data/story.json. */
declare module 'virtual:island-copy' {
  const copy: {
    headline: string;
    graphicLabels: import('./story/data/types').GraphicLabels;
    units: import('./story/data/types').Units;
    stepNav: import('./story/data/types').PageCopy['stepNav'];
    embedPanel: import('./story/data/types').EmbedPanelCopy;
  };
  export default copy;
}

/** The story's public address, from SITE_URL at build time ('' when unset). */
declare const __SITE_URL__: string;
