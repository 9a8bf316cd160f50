/**
 * Boxes the graphics must lay out in: phone bands (portrait, landscape), 200% zoom, desktop, and 200%
 * text. `least` is the smallest text each may draw: MIN_FONT, 14 px in a desktop column at least 600 px wide, and
 * 16 px at a 200% text size (box.ts fontFloors), 13 px (the default size) in a 320 px phone's band at 200% text size,
 * which cannot hold the bars at 16.
 * Sizes as measured in Chromium (labels.test.ts logs them).
 */
export const BOXES: { name: string; width: number; height: number; font: number; least: number }[] = [
  { name: 'portrait band 390x360', width: 390, height: 360, font: 13, least: 11 },
  { name: 'small portrait band 320x250', width: 320, height: 250, font: 13, least: 11 },
  { name: '320x568 phone band (289x178)', width: 289, height: 178, font: 13, least: 11 },
  { name: '360x640 phone band (329x208)', width: 329, height: 208, font: 13, least: 11 },
  { name: 'landscape 420x360', width: 420, height: 360, font: 13, least: 11 },
  // The charts' boxes at 844 × 390 and 320 × 568 as drawn (tests/browser/graphics.test.ts): under a two-line caption, and a three-line one.
  { name: '844x390 landscape column (434x241)', width: 434, height: 241, font: 13, least: 11 },
  { name: '320x568 phone band (289x163)', width: 289, height: 163, font: 13, least: 11 },
  { name: '200% page zoom at 390 (171x354)', width: 171, height: 354, font: 13, least: 11 },
  { name: '200% page zoom at 390 with a classic scrollbar (156x354)', width: 156, height: 354, font: 13, least: 11 },
  { name: 'phone, full height 366x776', width: 366, height: 776, font: 13, least: 11 },
  { name: 'desktop column 640x732', width: 640, height: 732, font: 13, least: 11 },
  { name: 'wide 1500x1300', width: 1500, height: 1300, font: 13, least: 11 },
  { name: '1024x768 desktop column (529x704)', width: 529, height: 704, font: 13, least: 11 },
  { name: '2560x1440 desktop column (640x1376)', width: 640, height: 1376, font: 13, least: 11 },
  // Desktop columns at the desktop text size (box.ts chartFont: 15 px in a box at least 600 px wide): never under 14 px there (issue #18).
  { name: '1280x800 desktop column (640x639) at 15 px', width: 640, height: 639, font: 15, least: 14 },
  { name: '1280x560 laptop window column (640x399) at 15 px', width: 640, height: 399, font: 15, least: 14 },
  { name: '2560x1440 desktop column (640x1279) at 15 px', width: 640, height: 1279, font: 15, least: 14 },
  { name: '200% text at 390x360', width: 390, height: 360, font: 26, least: 16 },
  { name: '200% text, 390x844 phone band (343x231)', width: 343, height: 231, font: 26, least: 16 },
  { name: '200% text, 844x390 landscape (389x262)', width: 389, height: 262, font: 26, least: 16 },
  { name: '200% text, 320x568 phone band (273x231)', width: 273, height: 231, font: 26, least: 13 },
  { name: '200% text, 1024x768 desktop column (452x640)', width: 452, height: 640, font: 26, least: 16 },
  { name: '200% text, 1280x800 desktop column (605x672)', width: 605, height: 672, font: 26, least: 16 },
  { name: '200% text, 2560x1440 desktop column (1280x1312)', width: 1280, height: 1312, font: 26, least: 16 },
];
