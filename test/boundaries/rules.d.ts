export declare const sharedForbiddenImports: string[]
export declare const sharedForbiddenGlobals: string[]
