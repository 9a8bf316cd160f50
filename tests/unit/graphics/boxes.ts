/** Boxes the graphics must lay out in: phone bands (portrait, landscape), 200% zoom, desktop, and 200% text. */
export const BOXES: { name: string; width: number; height: number; font: number }[] = [
  { name: 'portrait band 390x360', width: 390, height: 360, font: 13 },
  { name: 'small portrait band 320x250', width: 320, height: 250, font: 13 },
  { name: 'landscape 420x360', width: 420, height: 360, font: 13 },
  { name: '200% page zoom at 390 (171x354)', width: 171, height: 354, font: 13 },
  { name: '200% page zoom at 390 with a classic scrollbar (156x354)', width: 156, height: 354, font: 13 },
  { name: 'phone, full height 366x776', width: 366, height: 776, font: 13 },
  { name: 'desktop column 640x732', width: 640, height: 732, font: 13 },
  { name: 'wide 1500x1300', width: 1500, height: 1300, font: 13 },
  { name: '200% text at 390x360', width: 390, height: 360, font: 26 },
];
