/** Types of csp.js (CommonJS, shared with the webpack configs). */
export declare const OFFICE_JS_ORIGIN: string;
export declare function contentSecurityPolicy(options?: { officeJs?: string | null; dev?: boolean }): string;
export declare const ALLOWED_URL_HOSTS: string[];
export declare function foreignUrls(text: string, allowed?: string[]): { url: string; index: number }[];
