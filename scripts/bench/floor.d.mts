export declare function floorPage(html: string): string;
